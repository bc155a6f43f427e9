using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Travel;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Travel;

public sealed class TravelApplyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(TravelFund Fund, HttpClient Client, Guid Registration, string UserId)> RegisteredAsync(bool open = true)
    {
        var workshop = await app.AddWorkshopAsync($"ta-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        var fund = await app.AddTravelFundAsync(workshop, open: open);
        var (user, client, id) = await app.AdmitAsync(workshop, setup, "Ana Souza");
        return (fund, client, id, user.Id);
    }

    [Fact]
    public async Task A_participant_applies_while_registering_saves_a_draft_submits_changes_and_withdraws()
    {
        var workshop = await app.AddWorkshopAsync($"tr-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        var fund = await app.AddTravelFundAsync(workshop);
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        Assert.Contains("Travel support: apply until", WebUtility.HtmlDecode(await (await client.GetAsync($"/workshops/{workshop.Slug}")).BodyAsync()));
        var form = WebUtility.HtmlDecode(await (await client.GetAsync($"/workshops/{workshop.Slug}/register")).BodyAsync());
        Assert.Contains("I want to apply for travel support", form);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields["ApplyForTravel"] = "true";
        var registered = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields);
        var id = await app.WithDb(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.Id).SingleAsync());
        var url = $"/registrations/{id}/travel";
        Assert.Equal(url, registered.Headers.Location?.ToString());
        var page = WebUtility.HtmlDecode(await (await client.GetAsync(url)).BodyAsync());
        // Colombia's participant is offered their own currency first.
        Assert.Contains("<option value=\"COP\" selected=\"selected\">", page);

        var draft = TravelData.ApplicationFields(fund, currency: "COP", travel: "3800000", lodging: "1200000");
        draft.Remove("Input.Costs[Lodging].Justification");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, draft.Append(new("submit", "false")), url)).StatusCode);
        var saved = await app.ApplicationOfAsync(id);
        Assert.Equal((TravelStatus.Draft, "COP", 2), (saved!.Status, saved.Currency, saved.Costs.Count));
        Assert.Equal(380_000_000L, saved.Costs.Single(c => c.Kind == CostKind.Travel).RequestedMinor);
        Assert.Equal(Gender.Woman, saved.Gender);

        // Submitting asks for what is missing; the draft stays as it was saved.
        var refused = await (await BrowserForm.LoadAsync(client, url)).With("submit", "true").PostAsync(client);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Say why you need “Lodging”.", Forms.Errors(await refused.BodyAsync()));
        Assert.Equal(TravelStatus.Draft, (await app.ApplicationOfAsync(id))!.Status);

        var complete = (await BrowserForm.LoadAsync(client, url)).With("Input.Costs[Lodging].Justification", "Five nights.").With("submit", "true");
        Assert.Equal(HttpStatusCode.Redirect, (await complete.PostAsync(client)).StatusCode);
        var submitted = await app.ApplicationOfAsync(id);
        Assert.Equal(TravelStatus.Submitted, submitted!.Status);
        var receipt = await app.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Reference == $"{submitted.Id}-received"));
        Assert.Equal(user.Email, receipt.To);
        Assert.Contains("5,000,000.00\u00A0COP", receipt.TextBody);
        Assert.Contains("Application for travel support:", WebUtility.HtmlDecode(await (await client.GetAsync($"/registrations/{id}")).BodyAsync()));

        // Until the deadline the applicant still changes it, and it stays submitted.
        var changed = (await BrowserForm.LoadAsync(client, url)).With("Input.Costs[Travel].Amount", "3500000");
        Assert.Equal(HttpStatusCode.Redirect, (await changed.PostAsync(client)).StatusCode);
        var edited = await app.ApplicationOfAsync(id);
        Assert.Equal((TravelStatus.Submitted, 350_000_000L), (edited!.Status, edited.Costs.Single(c => c.Kind == CostKind.Travel).RequestedMinor));

        var ask = await client.PostFormAsync($"{url}?handler=Withdraw", new Dictionary<string, string>(), url);
        Assert.Contains("Withdraw your application?", WebUtility.HtmlDecode(await ask.BodyAsync()));
        Assert.Equal(TravelStatus.Submitted, (await app.ApplicationOfAsync(id))!.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{url}?handler=Withdraw", new() { ["confirmed"] = "true" }, url)).StatusCode);
        Assert.Equal(TravelStatus.Withdrawn, (await app.ApplicationOfAsync(id))!.Status);
        var history = await app.WithDb(db => db.StatusChanges.Where(c => c.EntityId == edited.Id).OrderBy(c => c.Id).Select(c => c.To).ToListAsync());
        Assert.Equal(["Draft", "Submitted", "Withdrawn"], history);
        // Withdrawn is final: the form is gone and a post is refused.
        var after = await client.PostFormAsync(url, TravelData.ApplicationFields(fund), url);
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }

    [Theory]
    [InlineData("Input.Costs[Travel].Amount", "-100", "The amount for “Travel (flights, trains, buses)” must be more than zero.")]
    [InlineData("Input.Costs[Travel].Amount", "lots", "Write the amount for “Travel (flights, trains, buses)” as a number")]
    [InlineData("Input.Costs[Travel].Amount", "250000", "is more than the whole budget (10,000.00\u00A0EUR)")]
    [InlineData("Input.Costs[Travel].Amount", "99999999999999", "is too large")]
    [InlineData("Input.Costs[Travel].Minimum", "1000", "cannot be more than you ask for")]
    [InlineData("Input.Currency", "XYZ", "Choose your currency from the list.")]
    [InlineData("Input.Costs[Travel].Amount", "10.555", "Amounts in EUR have at most 2 decimals.")]
    public async Task Bad_amounts_are_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var (fund, client, id, _) = await RegisteredAsync();
        var fields = TravelData.ApplicationFields(fund);
        fields[field] = value;

        var response = await client.PostFormAsync($"/registrations/{id}/travel", fields.Append(new("submit", "true")), $"/registrations/{id}/travel");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, Forms.Errors(await response.BodyAsync()));
        Assert.Null(await app.ApplicationOfAsync(id));
    }

    [Fact]
    public async Task A_cost_the_fund_does_not_pay_for_is_refused()
    {
        var (fund, client, id, _) = await RegisteredAsync();
        var fields = TravelData.ApplicationFields(fund);
        fields["Input.Costs[DailyAllowance].Amount"] = "200";

        var response = await client.PostFormAsync($"/registrations/{id}/travel", fields, $"/registrations/{id}/travel");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("This fund does not pay for “Daily allowance”.", Forms.Errors(await response.BodyAsync()));
        Assert.Null(await app.ApplicationOfAsync(id));
    }

    [Fact]
    public async Task After_the_deadline_nobody_applies_and_nothing_changes()
    {
        var (fund, client, id, _) = await RegisteredAsync(open: false);
        var page = WebUtility.HtmlDecode(await (await client.GetAsync($"/registrations/{id}/travel")).BodyAsync());
        Assert.Contains("Applications for travel support closed on", page);
        Assert.DoesNotContain("Submit the application", page);

        var response = await client.PostFormAsync($"/registrations/{id}/travel", TravelData.ApplicationFields(fund), $"/registrations/{id}/travel");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Applications for travel support are closed.", Forms.Errors(await response.BodyAsync()));
        Assert.Null(await app.ApplicationOfAsync(id));
    }

    [Fact]
    public async Task Nobody_else_reads_an_application_but_organisers_and_only_the_applicant_changes_it()
    {
        var (fund, client, id, _) = await RegisteredAsync();
        var url = $"/registrations/{id}/travel";
        // Before she applies, an organiser reads that she has not, not an invitation meant for her.
        Assert.Contains("Ana Souza has not applied for travel support.", WebUtility.HtmlDecode(await (await (await app.BrowserAs(Roles.Organiser)).GetAsync(url)).BodyAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, TravelData.ApplicationFields(fund).Append(new("submit", "true")), url)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync(url)).StatusCode);
        foreach (var role in new[] { Roles.Member, Roles.Reviewer })
        {
            var other = await app.BrowserAs(role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
            var post = await other.PostFormAsync(url, TravelData.ApplicationFields(fund, travel: "1"), "/account");
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        var organiser = await app.BrowserAs(Roles.Organiser);
        var read = WebUtility.HtmlDecode(await (await organiser.GetAsync(url)).BodyAsync());
        Assert.Contains("Return flight Bogotá–Madrid.", read);
        Assert.DoesNotContain("Submit the application", read);
        // Gender is asked for the funder's counts only: organisers reading the application do not see it.
        Assert.DoesNotContain("How you describe yourself", read);
        var byOrganiser = await organiser.PostFormAsync(url, TravelData.ApplicationFields(fund, travel: "1"), url);
        Assert.Equal(HttpStatusCode.NotFound, byOrganiser.StatusCode);
        Assert.Equal(90_000L, (await app.ApplicationOfAsync(id))!.Costs.Single(c => c.Kind == CostKind.Travel).RequestedMinor);
        var board = WebUtility.HtmlDecode(await (await organiser.GetAsync($"/organise/workshops/{fund.WorkshopId}/travel")).BodyAsync());
        Assert.Contains("Ana Souza", board);
        Assert.Contains("1,300.00\u00A0EUR", board);
    }
}
