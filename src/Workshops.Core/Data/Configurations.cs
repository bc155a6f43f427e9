using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;

namespace Workshops.Core.Data;

internal sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> b)
    {
        // Two organisers may edit it at once: a save from a stale form fails instead of overwriting (see Versions).
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        // Ids are made by the domain (Guid.NewGuid), so EF must treat an unknown id as a new row, not an update.
        b.Property(w => w.Id).ValueGeneratedNever();
        b.HasIndex(w => w.Slug).IsUnique();
        b.HasIndex(w => w.StartsAt);
        b.Property(w => w.Slug).HasMaxLength(WorkshopDetails.MaxSlug);
        b.Property(w => w.Title).IsLocalText();
        b.Property(w => w.TimeZoneId).HasMaxLength(64);
        b.Property(w => w.Venue).HasMaxLength(WorkshopDetails.MaxVenue);
        b.Property(w => w.Address).HasMaxLength(WorkshopDetails.MaxAddress);
        b.Property(w => w.City).HasMaxLength(WorkshopDetails.MaxCity);
        b.Property(w => w.Country).HasMaxLength(WorkshopDetails.MaxCountry);
        b.Property(w => w.Description).IsOptionalLocalText();
        b.Property(w => w.VenueNotes).IsOptionalLocalText();
        b.HasMany(w => w.Tracks).WithOne().HasForeignKey(t => t.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(w => w.Tracks).AutoInclude();
        b.Ignore(w => w.Zone);
        b.Ignore(w => w.StartsLocal);
        b.Ignore(w => w.EndsLocal);
        b.Ignore(w => w.IsPublic);
        b.Ignore(w => w.Language);
    }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> b)
    {
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(TrackDetails.MaxName);
        b.Property(t => t.Description).HasMaxLength(TrackDetails.MaxDescription);
        b.HasIndex(t => new { t.WorkshopId, t.Position });
    }
}

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> b)
    {
        b.Property(s => s.Entity).HasMaxLength(50);
        b.Property(s => s.From).HasMaxLength(30);
        b.Property(s => s.To).HasMaxLength(30);
        b.Property(s => s.ByUserId).HasMaxLength(450);
        b.HasIndex(s => new { s.Entity, s.EntityId });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Kind).HasMaxLength(64);
        b.Property(m => m.Reference).HasMaxLength(128);
        b.Property(m => m.To).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(OutboxMessage.MaxName);
        b.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubject);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
        b.Property(m => m.AttachmentName).HasMaxLength(200);
        b.Property(m => m.AttachmentType).HasMaxLength(100);
        b.HasIndex(m => new { m.Kind, m.Reference, m.To }).IsUnique();
        // The claim's order: people's own emails first, then the oldest due.
        b.HasIndex(m => new { m.Status, m.Priority, m.NextAttemptAt });
        b.HasIndex(m => new { m.CampaignId, m.Status });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(AppUser.MaxDisplayName);
        b.Property(u => u.SearchName).HasMaxLength(AppUser.MaxDisplayName);
        b.Property(u => u.Institution).HasMaxLength(AppUser.MaxInstitution);
        b.Property(u => u.Language).HasMaxLength(16);
        b.Property(u => u.Country).HasMaxLength(2);
    }
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Subject).IsLocalText();
        b.Property(a => a.Body).IsLocalText();
        b.Property(a => a.RegistrantStatuses).HasMaxLength(200);
        b.Property(a => a.TrackIds).HasMaxLength(2000);
        b.Property(a => a.PastedAddresses).HasMaxLength(Audience.MaxPasted);
        b.Property(a => a.CreatedById).HasMaxLength(450);
        b.Property(a => a.Origin).HasMaxLength(200);
        // Every change moves UpdatedAt: a cancel racing a start, or two starts, make the later save fail instead of both winning.
        b.Property(a => a.UpdatedAt).IsConcurrencyToken();
        b.Ignore(a => a.Audience);
        b.HasOne<Workshop>().WithMany().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.Status, a.ScheduledFor });
        // The news page reads the published ones, newest first.
        b.HasIndex(a => new { a.PublishAsNews, a.PublishedAt });
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Subject).IsLocalText();
        b.Property(r => r.Body).IsLocalText();
        b.Property(r => r.UpdatedAt).IsConcurrencyToken();
        b.HasOne<Workshop>().WithMany().HasForeignKey(r => r.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.WorkshopId, r.Kind }).IsUnique();
    }
}

internal sealed class EmailSuppressionConfiguration : IEntityTypeConfiguration<EmailSuppression>
{
    public void Configure(EntityTypeBuilder<EmailSuppression> b)
    {
        b.HasKey(s => s.AddressKey);
        b.Property(s => s.AddressKey).HasMaxLength(256);
    }
}
