using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Core.Data;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Name).HasMaxLength(RoomDetails.MaxName);
        b.HasIndex(r => new { r.WorkshopId, r.Name }).IsUnique();
        b.HasOne<Workshop>().WithMany().HasForeignKey(r => r.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Title).HasMaxLength(AgendaItemDetails.MaxTitle);
        b.Property(i => i.Description).HasMaxLength(AgendaItemDetails.MaxDescription);
        b.Property(i => i.Chair).HasMaxLength(AgendaItemDetails.MaxChair);
        // Two organisers moving the same item at once: the second is told, not silently overwritten.
        b.Property(i => i.UpdatedAt).IsConcurrencyToken();
        b.HasIndex(i => new { i.WorkshopId, i.StartsAt });
        b.HasIndex(i => i.ProposalId);
        b.HasOne<Workshop>().WithMany().HasForeignKey(i => i.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        // A room taken away sends its items back to the unscheduled list.
        b.HasOne<Room>().WithMany().HasForeignKey(i => i.RoomId).OnDelete(DeleteBehavior.SetNull);
        b.OwnsMany(i => i.Speakers, s =>
        {
            s.ToTable("AgendaSpeakers");
            s.WithOwner().HasForeignKey("AgendaItemId");
            s.Property<int>("Id");
            s.HasKey("Id");
            s.Property(x => x.Name).HasMaxLength(AgendaSpeakerDetails.MaxName);
            s.Property(x => x.UserId).HasMaxLength(450);
            s.HasIndex(x => x.UserId);
        });
        b.Navigation(i => i.Speakers).AutoInclude();
    }
}

internal sealed class AgendaVersionConfiguration : IEntityTypeConfiguration<AgendaVersion>
{
    public void Configure(EntityTypeBuilder<AgendaVersion> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasIndex(v => new { v.WorkshopId, v.Number }).IsUnique();
        b.Property(v => v.Note).HasMaxLength(AgendaVersion.MaxNote);
        b.Property(v => v.PublishedById).HasMaxLength(450);
        b.HasOne<Workshop>().WithMany().HasForeignKey(v => v.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(v => v.Name);
    }
}

internal sealed class AgendaStarConfiguration : IEntityTypeConfiguration<AgendaStar>
{
    public void Configure(EntityTypeBuilder<AgendaStar> b)
    {
        b.HasKey(s => new { s.UserId, s.ItemId });
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasIndex(s => new { s.WorkshopId, s.UserId });
        b.HasOne<Workshop>().WithMany().HasForeignKey(s => s.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        // Stars point at items of published versions, which may since have left the draft: no foreign key to the item.
    }
}
