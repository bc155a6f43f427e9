using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community;
using Workshops.Core.Domain.Community.Attendees;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Email;
using Workshops.Core.Localization;

namespace Workshops.Core.Privacy;

/// <summary>
/// What a person's copy of their data holds, part by part. A test reads the model's personal columns and fails for one
/// that no part exports and <see cref="NotExported"/> does not explain.
/// </summary>
public static class ExportPlan
{
    private static readonly Dictionary<string, string> TheMessageItself = new()
    {
        [nameof(OutboxMessage.HtmlBody)] = "the message itself, with private links that still work; its subject, date and status say which it was",
        [nameof(OutboxMessage.TextBody)] = "the same message as plain text",
        [nameof(OutboxMessage.AttachmentText)] = "the calendar file that came with it",
        [nameof(OutboxMessage.UnsubscribeUrl)] = "a working link that acts on the address",
    };

    public static readonly IReadOnlyList<ExportPart> Parts =
    [
        new RowsPart<AppUser>("account", () => Tr.T("Your account"), (db, s) => db.Users.Where(u => u.Id == s.UserId)),
        new RowsPart<UserSession>("sessions", () => Tr.T("Where you are signed in"), (db, s) => db.UserSessions.Where(x => x.UserId == s.UserId)),
        new RowsPart<ApiToken>("api-tokens", () => Tr.T("Your API tokens"), (db, s) => db.ApiTokens.Where(t => t.UserId == s.UserId)),
        new RowsPart<Domain.Webhooks.WebhookEndpoint>("webhooks", () => Tr.T("Your webhook endpoints"), (db, s) => db.WebhookEndpoints.Where(e => e.OwnerId == s.UserId))
        {
            Omitted = new Dictionary<string, string> { [nameof(Domain.Webhooks.WebhookEndpoint.SecretCipher)] = "the signing secret, encrypted with the site's keys" },
        },
        new RowsPart<SecurityEvent>("security-log", () => Tr.T("Security log"), (db, s) => db.SecurityEvents.Where(e => e.UserId == s.UserId)),
        new RowsPart<Registration>("registrations", () => Tr.T("Your registrations"), (db, s) => db.Registrations.Where(r => r.UserId == s.UserId)),
        new RowsPart<StatusChange>("history", () => Tr.T("History of your registrations and proposals"), (db, s) =>
            db.StatusChanges.Where(c => db.Registrations.Any(r => r.Id == c.EntityId && r.UserId == s.UserId)
                || db.Proposals.Any(p => p.Id == c.EntityId && p.ProposerId == s.UserId)
                || db.TravelApplications.Any(a => a.Id == c.EntityId && a.ApplicantId == s.UserId))),
        new RowsPart<Domain.Travel.TravelApplication>("travel", () => Tr.T("Your applications for travel support"),
            (db, s) => db.TravelApplications.Where(a => a.ApplicantId == s.UserId)),
        new RowsPart<Proposal>("proposals", () => Tr.T("Your proposals"), (db, s) => db.Proposals.Where(p => p.ProposerId == s.UserId))
        {
            Omitted = new Dictionary<string, string> { [nameof(Proposal.CoSpeakers)] = "the other speakers' names and addresses; your own place on a proposal is in co-speaking" },
        },
        new OwnedPart<Proposal, CoSpeaker>("co-speaking", () => Tr.T("Proposals you were invited to speak in"),
            (db, s) => db.Proposals.Where(p => p.CoSpeakers.Any(c => c.UserId == s.UserId || s.NormalizedEmails.Contains(c.Email.ToUpper()))),
            (p, s) => p.CoSpeakers.Where(c => c.UserId == s.UserId || s.NormalizedEmails.Contains(c.Email.ToUpperInvariant())), p => p.Title),
        new RowsPart<Review>("reviews", () => Tr.T("Your reviews"), (db, s) => db.Reviews.Where(r => r.ReviewerId == s.UserId)),
        new RowsPart<Domain.Travel.TravelReceipt>("travel-receipts", () => Tr.T("Receipts you uploaded for travel support"),
            (db, s) => db.TravelReceipts.Where(r => db.TravelApplications.Any(a => a.Id == r.ApplicationId && a.ApplicantId == s.UserId))),
        new RowsPart<Domain.Travel.TravelReview>("travel-reviews", () => Tr.T("Your reviews of applications for travel support"),
            (db, s) => db.TravelReviews.Where(r => r.ReviewerId == s.UserId)),
        new RowsPart<ReviewerAssignment>("assignments", () => Tr.T("Proposals assigned to you for review"), (db, s) => db.ReviewerAssignments.Where(a => a.ReviewerId == s.UserId)),
        new RowsPart<Material>("materials", () => Tr.T("Materials you uploaded"), (db, s) => db.Materials.Where(m => m.CreatedById == s.UserId)),
        new RowsPart<MaterialFile>("material-files", () => Tr.T("Files you uploaded"), (db, s) => db.MaterialFiles.Where(f => f.UploadedById == s.UserId)),
        new OwnedPart<AgendaItem, AgendaSpeaker>("speaking", () => Tr.T("Sessions you speak in"),
            (db, s) => db.AgendaItems.Where(i => i.Speakers.Any(x => x.UserId == s.UserId)),
            (i, s) => i.Speakers.Where(x => x.UserId == s.UserId), i => i.Title),
        new RowsPart<AgendaStar>("starred", () => Tr.T("Sessions you starred"), (db, s) => db.AgendaStars.Where(x => x.UserId == s.UserId)),
        new RowsPart<InstallationMember>("installations", () => Tr.T("Installations you are linked to"), (db, s) => db.InstallationMembers.Where(m => m.UserId == s.UserId)),
        new RowsPart<OutboxMessage>("emails", () => Tr.T("Emails sent to you"), (db, s) => db.OutboxMessages.Where(m => s.NormalizedEmails.Contains(m.To.ToUpper())))
        {
            Omitted = TheMessageItself,
        },
        new RowsPart<EmailSuppression>("unsubscribed", () => Tr.T("Addresses that receive no announcements"), (db, s) =>
        {
            var keys = s.NormalizedEmails.SelectMany(EmailSuppression.Keys).ToList();
            return db.EmailSuppressions.Where(x => keys.Contains(x.AddressKey));
        }),
        new RowsPart<Consent>("consents", () => Tr.T("Your choices"), (db, s) => db.Consents.Where(c => c.UserId == s.UserId)),
        new RowsPart<ConsentText>("consent-texts", () => Tr.T("The words you agreed to"), (db, s) =>
            db.ConsentTexts.Where(t => db.Consents.Any(c => c.UserId == s.UserId && c.TextVersion == t.Version))),
        new RowsPart<DataExport>("exports", () => Tr.T("Copies of your data you asked for"), (db, s) => db.DataExports.Where(e => e.UserId == s.UserId)),
    ];

    /// <summary>Personal columns no part exports, and why: each is either about nobody in particular or shown in another part.</summary>
    public static readonly IReadOnlyDictionary<(Type, string), string> NotExported = new Dictionary<(Type, string), string>
    {
        [(typeof(AppUser), nameof(AppUser.SearchName))] = "the name again, as searches compare it",
        [(typeof(AppUser), nameof(IdentityUser.NormalizedEmail))] = "the address again, upper-cased for look-ups",
        [(typeof(AppUser), nameof(IdentityUser.NormalizedUserName))] = "the user name again, upper-cased for look-ups",
        [(typeof(Registration), nameof(Registration.NormalizedEmail))] = "the address again, upper-cased for look-ups",
        [(typeof(AgendaItem), nameof(AgendaItem.Chair))] = "a chair is named in words, not linked to an account",
        [(typeof(AgendaVersion), nameof(AgendaVersion.Snapshot))] = "the programme as published, with everyone in it; the sessions you speak in are listed",
        [(typeof(SearchDocument), nameof(SearchDocument.Speakers))] = "the search index's copy of the materials' and sessions' speakers",
        [(typeof(Announcement), nameof(Announcement.PastedAddresses))] = "a list of other people's addresses pasted by organisers",
        [(typeof(PackRun), nameof(PackRun.Error))] = "organisers' log of a pack run",
        [(typeof(PastAttendee), nameof(PastAttendee.Name))] = "a past event's list of participants as organisers uploaded it, in words, not linked to an account",
        [(typeof(PastAttendee), nameof(PastAttendee.Organisation))] = "a past event's list of participants, not linked to an account",
    };
}
