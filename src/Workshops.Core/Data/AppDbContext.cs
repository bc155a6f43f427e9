using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Announcements;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email.Editable;
using Workshops.Core.Email;

namespace Workshops.Core.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewerAssignment> ReviewerAssignments => Set<ReviewerAssignment>();
    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();
    public DbSet<RegistrationSetup> RegistrationSetups => Set<RegistrationSetup>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<SeatCounter> SeatCounters => Set<SeatCounter>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaVersion> AgendaVersions => Set<AgendaVersion>();
    public DbSet<AgendaStar> AgendaStars => Set<AgendaStar>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<MaterialFile> MaterialFiles => Set<MaterialFile>();
    public DbSet<FileText> FileTexts => Set<FileText>();
    public DbSet<ArchivedEvent> ArchivedEvents => Set<ArchivedEvent>();
    public DbSet<Workshops.Core.Domain.Community.Installation> Installations => Set<Workshops.Core.Domain.Community.Installation>();
    public DbSet<Workshops.Core.Domain.Community.Pages.SitePage> SitePages => Set<Workshops.Core.Domain.Community.Pages.SitePage>();
    public DbSet<Workshops.Core.Domain.Community.Projects.Project> Projects => Set<Workshops.Core.Domain.Community.Projects.Project>();
    public DbSet<Workshops.Core.Domain.Community.Attendees.AttendeeList> AttendeeLists => Set<Workshops.Core.Domain.Community.Attendees.AttendeeList>();
    public DbSet<Workshops.Core.Domain.Community.OldAddress> OldAddresses => Set<Workshops.Core.Domain.Community.OldAddress>();
    public DbSet<Workshops.Core.Domain.Community.InstallationMember> InstallationMembers => Set<Workshops.Core.Domain.Community.InstallationMember>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();
    public DbSet<ArchiveImport> ArchiveImports => Set<ArchiveImport>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<EmailSuppression> EmailSuppressions => Set<EmailSuppression>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<PackSettings> PackSettings => Set<PackSettings>();
    public DbSet<PackRun> PackRuns => Set<PackRun>();
    public DbSet<AttendeePack> AttendeePacks => Set<AttendeePack>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Domain.Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Domain.Webhooks.WebhookEndpoint>();
    public DbSet<Domain.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Domain.Webhooks.WebhookDelivery>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<Privacy.DataExport> DataExports => Set<Privacy.DataExport>();
    public DbSet<Privacy.PrivacySettings> PrivacySettings => Set<Privacy.PrivacySettings>();
    public DbSet<Privacy.ErasureRecord> ErasureRecords => Set<Privacy.ErasureRecord>();
    public DbSet<Privacy.Consent> Consents => Set<Privacy.Consent>();
    public DbSet<Privacy.ConsentText> ConsentTexts => Set<Privacy.ConsentText>();
    public DbSet<Security.RateLimitCounter> RateLimitCounters => Set<Security.RateLimitCounter>();
    public DbSet<Domain.Travel.TravelFund> TravelFunds => Set<Domain.Travel.TravelFund>();
    public DbSet<Domain.Travel.TravelApplication> TravelApplications => Set<Domain.Travel.TravelApplication>();
    public DbSet<Domain.Travel.TravelReview> TravelReviews => Set<Domain.Travel.TravelReview>();
    public DbSet<Domain.Travel.TravelReceipt> TravelReceipts => Set<Domain.Travel.TravelReceipt>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no timestamp type that sorts or compares; storing instants as UTC ticks keeps queries translatable.
        if (Database.IsSqlite())
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        builder.Properties<WorkshopStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<WorkshopFormat>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<CallKind>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ReviewerPool>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ProposalStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<StagedDecision>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<SessionType>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<CoSpeakerStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<RegistrationStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<RegistrationMode>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<AgendaItemType>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<QuestionKind>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<StagedAdmission>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<MaterialType>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<MaterialVisibility>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ArchivedEventType>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ArchiveImportStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<SearchKind>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<OutboxStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<AnnouncementStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ReminderKind>().HaveConversion<string>().HaveMaxLength(30);
        builder.Properties<PackRunStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<Domain.Travel.TravelStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<Domain.Travel.TravelDecision>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<Domain.Travel.CostKind>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<Domain.Travel.Gender>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<Workshops.Core.Pdf.PaperSize>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
