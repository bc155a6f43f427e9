using Microsoft.EntityFrameworkCore;
using Workshops.Core;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Email.Editable;

namespace Workshops.Web.Features.Travel;

/// <summary>What every travel support email names, in the applicant's language (the caller sets it).</summary>
public static class TravelMail
{
    public static TravelValues Values(Registration registration, Core.Domain.Workshops.Workshop workshop, SiteAddress links) => new()
    {
        Name = registration.Name,
        WorkshopTitle = workshop.Title,
        WorkshopDates = Formats.DateRange(workshop.StartsLocal, workshop.EndsLocal),
        ApplicationLink = links.Absolute($"/registrations/{registration.Id}/travel"),
    };

    /// <summary>One line per cost awarded, as a Markdown list: "- Travel: 900.00 EUR".</summary>
    public static string CostLines(TravelApplication application, TravelFund fund) => string.Join('\n',
        application.Costs.Where(c => (c.AwardedMinor ?? 0) > 0).OrderBy(c => c.Kind)
            .Select(c => $"- {c.Kind.Short()}: {Currencies.Format(c.AwardedMinor!.Value, fund.Currency)}"));

    /// <summary>Who pays, as letters and emails name them: the funder the organisers wrote, and their funded project.</summary>
    public static async Task<string> FunderAsync(AppDbContext db, TravelFund fund, CancellationToken ct)
    {
        var project = fund.FunderProjectId is { } id
            ? (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct))?.Title.ToString()
            : null;
        return (fund.Funder, project) switch
        {
            ({ } funder, { } title) => Tr.T("{0}, through the project “{1}”", funder, title),
            ({ } funder, null) => funder,
            (null, { } title) => Tr.T("the project “{0}”", title),
            _ => Tr.T("the workshop's organisers"),
        };
    }

    /// <summary>"1,450.00 EUR": the sum of every cost asked for, in the applicant's currency.</summary>
    public static string Requested(TravelApplication application) =>
        Currencies.Format(application.Costs.Sum(c => c.RequestedMinor), application.Currency);
}
