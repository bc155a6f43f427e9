using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Core.Data;

internal sealed class PackSettingsConfiguration : IEntityTypeConfiguration<PackSettings>
{
    public void Configure(EntityTypeBuilder<PackSettings> b)
    {
        // Two organisers may edit it at once: a save from a stale form fails instead of overwriting (see Versions).
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        b.HasKey(s => s.WorkshopId);
        b.Property(s => s.PracticalInfo).IsOptionalLocalText();
        b.Property(s => s.Letterhead).IsOptionalLocalText();
        b.Property(s => s.Signatory).IsOptionalLocalText();
        b.HasOne<Workshop>().WithOne().HasForeignKey<PackSettings>(s => s.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PackRunConfiguration : IEntityTypeConfiguration<PackRun>
{
    public void Configure(EntityTypeBuilder<PackRun> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Reason).HasMaxLength(200);
        b.Property(r => r.StartedById).HasMaxLength(450);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.HasIndex(r => new { r.WorkshopId, r.CreatedAt });
        b.HasOne<Workshop>().WithMany().HasForeignKey(r => r.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.IsActive);
    }
}

internal sealed class AttendeePackConfiguration : IEntityTypeConfiguration<AttendeePack>
{
    public void Configure(EntityTypeBuilder<AttendeePack> b)
    {
        b.HasKey(p => p.RegistrationId);
        b.Property(p => p.FileHash).HasMaxLength(64);
        b.HasIndex(p => p.WorkshopId);
        b.HasOne<Registration>().WithOne().HasForeignKey<AttendeePack>(p => p.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
