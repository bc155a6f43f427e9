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
        b.Property(i => i.LogoHash).HasMaxLength(64);
        b.Property(i => i.LogoContentType).HasMaxLength(40);
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

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Domain.Community.Projects.Project>
{
    public void Configure(EntityTypeBuilder<Domain.Community.Projects.Project> b)
    {
        // Two organisers may edit it at once: a save from a stale form fails instead of overwriting (see Versions).
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasIndex(p => p.Slug).IsUnique();
        b.HasIndex(p => p.SourceKey).IsUnique();
        b.Property(p => p.Slug).HasMaxLength(Domain.Community.Projects.ProjectDetails.MaxSlug);
        b.Property(p => p.SourceKey).HasMaxLength(300);
        b.Property(p => p.Title).IsLocalText();
        b.Property(p => p.Description).IsOptionalLocalText();
        b.Property(p => p.Programme).HasMaxLength(Domain.Community.Projects.ProjectDetails.MaxShort);
        b.Property(p => p.Reference).HasMaxLength(Domain.Community.Projects.ProjectDetails.MaxShort);
        b.Property(p => p.Funding).HasMaxLength(Domain.Community.Projects.ProjectDetails.MaxShort);
        b.Property(p => p.Lead).HasMaxLength(Domain.Community.Projects.ProjectDetails.MaxShort);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Partners).IsJsonList();
        // Lists of ids, so a workshop's or an event's page finds the projects that funded it in one query.
        b.PrimitiveCollection(p => p.WorkshopIds);
        b.PrimitiveCollection(p => p.EventIds);
    }
}

internal sealed class AttendeeListConfiguration : IEntityTypeConfiguration<Domain.Community.Attendees.AttendeeList>
{
    public void Configure(EntityTypeBuilder<Domain.Community.Attendees.AttendeeList> b)
    {
        // Two organisers may change it at once (a new file, making it public): the later save fails instead of overwriting.
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasIndex(l => l.ArchivedEventId).IsUnique();
        b.HasIndex(l => l.SourceKey).IsUnique();
        b.Property(l => l.SourceKey).HasMaxLength(300);
        b.HasOne<Domain.Archive.ArchivedEvent>().WithMany().HasForeignKey(l => l.ArchivedEventId).OnDelete(DeleteBehavior.Cascade);
        // Required: a person taken off the list (a new file) is deleted, not left behind without a list.
        b.HasMany(l => l.Attendees).WithOne().HasForeignKey("AttendeeListId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(l => l.Attendees).AutoInclude();
    }
}

internal sealed class PastAttendeeConfiguration : IEntityTypeConfiguration<Domain.Community.Attendees.PastAttendee>
{
    public void Configure(EntityTypeBuilder<Domain.Community.Attendees.PastAttendee> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Name).HasMaxLength(Domain.Community.Attendees.PastAttendeeDetails.MaxText);
        b.Property(a => a.Organisation).HasMaxLength(Domain.Community.Attendees.PastAttendeeDetails.MaxText);
        b.Property(a => a.Country).HasMaxLength(2);
    }
}

internal sealed class OldAddressConfiguration : IEntityTypeConfiguration<OldAddress>
{
    public void Configure(EntityTypeBuilder<OldAddress> b)
    {
        b.HasKey(a => a.Path);
        b.Property(a => a.Path).HasMaxLength(OldAddress.MaxPath);
        b.Property(a => a.Target).HasMaxLength(OldAddress.MaxPath);
    }
}

internal sealed class InstallationMemberConfiguration : IEntityTypeConfiguration<InstallationMember>
{
    public void Configure(EntityTypeBuilder<InstallationMember> b)
    {
        // A member changing their consent while an organiser decides: the later save fails instead of undoing the other.
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasIndex(m => new { m.InstallationId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.DecidedById).HasMaxLength(450);
        b.Property(m => m.Role).HasMaxLength(InstallationMember.MaxRole);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Installation>().WithMany().HasForeignKey(m => m.InstallationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Domain.Accounts.AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
