using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Travel;

public sealed class TravelPaymentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>Ana is awarded 800 EUR for travel and 100 EUR for lodging, released; her client and registration.</summary>
    private async Task<(Workshop Workshop, TravelFund Fund, TravelApplication Application, HttpClient Client, Guid Registration, HttpClient Organiser)> AwardedAsync()
    {
        var workshop = await app.AddWorkshopAsync($"tp-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        var fund = await app.AddTravelFundAsync(workshop, budget: 5000m);
        var (_, client, id) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        var application = await app.ApplyAsync(fund, id);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var decide = $"/organise/workshops/{workshop.Id}/travel/{application.Id}";
        var staged = await (await BrowserForm.LoadAsync(organiser, decide)).With("Decision", "Award").With("Award[Travel]", "800").With("Award[Lodging]", "100").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, staged.StatusCode);
        var released = await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/travel?handler=Release", new() { ["confirmed"] = "true" }, $"/organise/workshops/{workshop.Id}/travel");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        return (workshop, fund, application, client, id, organiser);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid registration, string fileName, byte[] bytes, string kind = "Travel") =>
        client.PostUploadAsync($"/registrations/{registration}/travel?handler=Receipt", new() { ["receiptKind"] = kind }, ("receipt", fileName, bytes),
            $"/registrations/{registration}/travel");

    private Task<long> CommittedAsync(TravelFund fund) => app.WithDb(db => db.TravelFunds.Where(f => f.Id == fund.Id).Select(f => f.CommittedMinor).SingleAsync());

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => p.Text)).Normalize(NormalizationForm.FormC).Replace(" ", "").Replace("\u00A0", "");
    }

    [Fact]
    public async Task An_awardee_uploads_receipts_and_the_organiser_approves_adjusts_and_pays_each_cost()
    {
        var (workshop, fund, application, client, registration, organiser) = await AwardedAsync();
        Assert.Equal(90_000L, await CommittedAsync(fund));

        var letter = await client.GetAsync($"/registrations/{registration}/travel?handler=Letter");
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        var text = Text(await letter.Content.ReadAsByteArrayAsync());
        Assert.Contains("900.00EUR", text);
        Assert.Contains("GBIFCapacityEnhancementSupportProgramme", text);
        Assert.Contains("Keepyourreceipts", text);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, registration, "boarding-pass.pdf", Pdf)).StatusCode);
        var receipt = await app.WithDb(db => db.TravelReceipts.AsNoTracking().SingleAsync(r => r.ApplicationId == application.Id));
        Assert.Equal(("boarding-pass.pdf", CostKind.Travel, "application/pdf"), (receipt.FileName, receipt.Kind, receipt.ContentType));
        var decide = $"/organise/workshops/{workshop.Id}/travel/{application.Id}";
        var download = await organiser.GetAsync($"{decide}?handler=Receipt&receiptId={receipt.Id}");
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // The flight cost less than awarded: 700 approved, and the 100 left goes back to the budget.
        var approve = await (await BrowserForm.LoadAsync(organiser, decide, "Approve")).With("Approve[Travel]", "700").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(80_000L, await CommittedAsync(fund));
        var paid = await (await BrowserForm.LoadAsync(organiser, decide, "Paid")).With("Paid[Travel]", DateTime.UtcNow.ToString("yyyy-MM-dd"))
            .With("Reference[Travel]", "SEPA-2027-0042").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);

        var stored = await app.WithDb(db => db.TravelApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        var travel = stored.Costs.Single(c => c.Kind == CostKind.Travel);
        Assert.Equal((70_000L, "SEPA-2027-0042"), (travel.ApprovedMinor!.Value, travel.PaymentReference));
        Assert.NotNull(travel.PaidOn);
        var mine = WebUtility.HtmlDecode(await (await client.GetAsync($"/registrations/{registration}/travel")).BodyAsync());
        Assert.Contains("700.00\u00A0EUR (adjusted)", mine);
        Assert.Contains("awaiting receipts", mine);
        Assert.Contains("boarding-pass.pdf", mine);
        // Approved, the receipt stays.
        var remove = await client.PostFormAsync($"/registrations/{registration}/travel?handler=RemoveReceipt", new() { ["receiptId"] = receipt.Id.ToString() }, $"/registrations/{registration}/travel");
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
    }

    [Fact]
    public async Task The_full_path_apply_review_award_in_part_release_email_receipt_and_paid()
    {
        var workshop = await app.AddWorkshopAsync($"tf-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        var fund = await app.AddTravelFundAsync(workshop, budget: 5000m);
        var (user, client, registration) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        var url = $"/registrations/{registration}/travel";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, TravelData.ApplicationFields(fund).Append(new("submit", "true")), url)).StatusCode);
        var application = (await app.ApplicationOfAsync(registration))!;

        var reviewer = await app.BrowserAs(Roles.Reviewer);
        var scores = fund.Criteria.ToDictionary(c => $"Scores[{c.Id}]", _ => "4");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync($"/review/travel/{application.Id}", scores, "/review")).StatusCode);

        var organiser = await app.BrowserAs(Roles.Organiser);
        var decide = $"/organise/workshops/{workshop.Id}/travel/{application.Id}";
        Assert.Contains("Weighted score 4 from 1 review.", WebUtility.HtmlDecode(await (await organiser.GetAsync(decide)).BodyAsync()));
        var staged = await (await BrowserForm.LoadAsync(organiser, decide)).With("Decision", "Award").With("Award[Travel]", "600").With("Award[Lodging]", "150").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, staged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/travel?handler=Release", new() { ["confirmed"] = "true" },
            $"/organise/workshops/{workshop.Id}/travel")).StatusCode);
        var email = await app.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Reference.StartsWith($"{application.Id}-Awarded")));
        Assert.Equal(user.Email, email.To);
        Assert.Contains("750.00\u00A0EUR", email.TextBody);
        Assert.Contains("Travel: 600.00\u00A0EUR", email.TextBody);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, registration, "ticket.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await BrowserForm.LoadAsync(organiser, decide, "Approve")).PostAsync(organiser)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await BrowserForm.LoadAsync(organiser, decide, "Paid")).With("Reference[Travel]", "TR-1").PostAsync(organiser)).StatusCode);

        var paid = (await app.ApplicationOfAsync(registration))!.Costs.Single(c => c.Kind == CostKind.Travel);
        Assert.Equal((60_000L, "TR-1"), (paid.ApprovedMinor!.Value, paid.PaymentReference));
        Assert.Contains("on ", WebUtility.HtmlDecode(await (await client.GetAsync(url)).BodyAsync()));
        Assert.Equal(75_000L, await CommittedAsync(fund));
    }

    [Theory]
    [InlineData("notes.pdf", "not a pdf at all", "Upload a receipt as a PDF or a photo")]
    [InlineData("notes.txt", "plain words", "Upload a receipt as a PDF or a photo")]
    [InlineData("empty.pdf", "", "Choose the receipt to upload")]
    public async Task A_receipt_that_is_not_a_pdf_or_a_photo_is_refused(string fileName, string content, string message)
    {
        var (_, _, application, client, registration, _) = await AwardedAsync();
        var response = await UploadAsync(client, registration, fileName, Encoding.UTF8.GetBytes(content));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()));
        Assert.False(await app.WithDb(db => db.TravelReceipts.AnyAsync(r => r.ApplicationId == application.Id)));
    }

    [Fact]
    public async Task Nobody_else_uploads_or_reads_receipts_and_approvals_stay_within_the_award()
    {
        var (workshop, _, application, client, registration, organiser) = await AwardedAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, registration, "hotel.pdf", Pdf)).StatusCode);
        var receipt = await app.WithDb(db => db.TravelReceipts.AsNoTracking().SingleAsync(r => r.ApplicationId == application.Id));
        var stranger = await app.BrowserAs(Roles.Reviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/registrations/{registration}/travel?handler=Receipt&receiptId={receipt.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/registrations/{registration}/travel?handler=Letter")).StatusCode);
        var sneaky = await stranger.PostUploadAsync($"/registrations/{registration}/travel?handler=Receipt", new() { ["receiptKind"] = "Travel" }, ("receipt", "x.pdf", Pdf), "/account");
        Assert.Equal(HttpStatusCode.NotFound, sneaky.StatusCode);
        Assert.Equal(1, await app.WithDb(db => db.TravelReceipts.CountAsync(r => r.ApplicationId == application.Id)));

        var decide = $"/organise/workshops/{workshop.Id}/travel/{application.Id}";
        var tooMuch = await (await BrowserForm.LoadAsync(organiser, decide, "Approve")).With("Approve[Travel]", "950").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Contains("cannot be more than was awarded", Forms.Errors(await tooMuch.BodyAsync()));
        var early = await organiser.PostFormAsync($"{decide}?handler=Paid&kind=Lodging", new() { ["Paid[Lodging]"] = DateTime.UtcNow.ToString("yyyy-MM-dd") }, decide);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("Approve “Lodging” before marking it paid.", Forms.Errors(await early.BodyAsync()));
        var stored = await app.WithDb(db => db.TravelApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        Assert.All(stored.Costs, c => Assert.Null(c.ApprovedMinor));
        var reviewer = await stranger.PostFormAsync($"{decide}?handler=Approve&kind=Travel", new() { ["Approve[Travel]"] = "1" }, "/account");
        Assert.True((int)reviewer.StatusCode is >= 300 and < 500);
    }

    [Fact]
    public async Task The_report_draws_requested_awarded_and_paid_and_exports_them_for_the_finance_team()
    {
        var (workshop, fund, application, _, _, organiser) = await AwardedAsync();
        var setup = await app.WithDb(db => db.RegistrationSetups.AsNoTracking().SingleAsync(s => s.WorkshopId == workshop.Id));
        setup.Questions.Sort((a, b) => a.Position.CompareTo(b.Position));
        var (_, _, id) = await app.AdmitAsync(workshop, setup, "Bruno Costa");
        await app.ApplyAsync(fund, id, travel: 4_000_000m, lodging: 1_000_000m, currency: "COP");
        var decide = $"/organise/workshops/{workshop.Id}/travel/{application.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await (await BrowserForm.LoadAsync(organiser, decide, "Approve")).With("Approve[Travel]", "800").PostAsync(organiser)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await BrowserForm.LoadAsync(organiser, decide, "Paid")).PostAsync(organiser)).StatusCode);

        var report = WebUtility.HtmlDecode(await (await organiser.GetAsync($"/organise/workshops/{workshop.Id}/travel/report")).BodyAsync());
        // Asked: Ana 900 + 400, Bruno 5,000,000 COP = 1,150 EUR: 2,450 in all; awarded 900; paid 800.
        Assert.Contains("2,450.00\u00A0EUR", report);
        Assert.Contains("900.00\u00A0EUR", report);
        Assert.Contains("800.00\u00A0EUR", report);
        Assert.Contains("People supported", report);
        Assert.Contains("class=\"bar-fill", report);

        var csv = Encoding.UTF8.GetString(await (await organiser.GetAsync($"/organise/workshops/{workshop.Id}/travel/report?handler=Export&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Ana Souza", csv);
        Assert.Contains("800.00", csv);
        Assert.Contains("COP", csv);
        var xlsx = await (await organiser.GetAsync($"/organise/workshops/{workshop.Id}/travel/report?handler=Export&format=xlsx")).Content.ReadAsByteArrayAsync();
        using var book = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = book.Worksheets.First();
        var travelRow = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Ana Souza" && r.Cell(6).GetString() == "Travel");
        Assert.Equal(800m, travelRow.Cell(11).GetValue<decimal>());

        var reviewer = await app.BrowserAs(Roles.Reviewer);
        Assert.Contains("/account/access-denied", (await reviewer.GetAsync($"/organise/workshops/{workshop.Id}/travel/report")).Headers.Location!.ToString());
        Assert.Contains("/account/access-denied", (await reviewer.GetAsync($"/organise/workshops/{workshop.Id}/travel/report?handler=Export&format=csv")).Headers.Location!.ToString());
    }
}
