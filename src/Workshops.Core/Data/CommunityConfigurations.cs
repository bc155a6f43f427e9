using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Community;

namespace Workshops.Core.Data;

internal sealed class InstallationConfiguration : IEntityTypeConfiguration<Installation>
{
    public void Configure(EntityTypeBuilder<Installation> b)
    {
        // Two organisers may edit it at once: a save from a stale form fails instead of overwriting (see Versions).
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        b.Property(i => i.Id).ValueGeneratedNever();
        b.HasIndex(i => i.Slug).IsUnique();
        b.HasIndex(i => i.SourceKey).IsUnique();
        b.Property(i => i.Slug).HasMaxLength(InstallationDetails.MaxSlug);
        b.Property(i => i.Name).HasMaxLength(InstallationDetails.MaxName);
        b.Property(i => i.Institution).HasMaxLength(InstallationDetails.MaxShort);
        b.Property(i => i.Country).HasMaxLength(2);
        b.Property(i => i.Area).HasMaxLength(InstallationDetails.MaxShort);
        b.Property(i => i.GbifNode).HasMaxLength(InstallationDetails.MaxShort);
        b.Property(i => i.GbifParticipation).HasMaxLength(InstallationDetails.MaxShort);
        b.Property(i => i.WebAddress).HasMaxLength(2000);
        b.Property(i => i.SourceKey).HasMaxLength(300);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.PrimitiveCollection(i => i.Languages);
        b.Property(i => i.Modules).IsJsonList();
        b.Property(i => i.Resources).IsJsonList();
        b.Property(i => i.Description).IsOptionalLocalText();
    }
}

internal sealed class SitePageConfiguration : IEntityTypeConfiguration<Domain.Community.Pages.SitePage>
{
    public void Configure(EntityTypeBuilder<Domain.Community.Pages.SitePage> b)
    {
        // Two organisers may edit it at once: a save from a stale form fails instead of overwriting (see Versions).
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasIndex(p => p.Slug).IsUnique();
        b.HasIndex(p => p.SourceKey).IsUnique();
        b.Property(p => p.Slug).HasMaxLength(Domain.Community.Pages.SitePageDetails.MaxSlug);
        b.Property(p => p.SourceKey).HasMaxLength(300);
        b.Property(p => p.Title).IsLocalText();
        b.Property(p => p.Body).IsLocalText();
        b.Property(p => p.Placement).HasConversion<string>().HasMaxLength(20);
    }
}
