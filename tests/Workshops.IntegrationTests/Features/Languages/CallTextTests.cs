using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>A call's title, text and questions in each language: proposers read theirs, or the call's own.</summary>
public sealed class CallTextTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_call_written_in_English_and_French_reaches_French_proposers_in_French()
    {
        var call = await app.AddCallAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var edit = $"/organise/calls/{call.Id}/edit";
        var form = await BrowserForm.LoadAsync(organiser, edit);
        Assert.Contains(form.Fields, f => f.Key == "Input.Language" && f.Value == "en");
        var saved = await form.With("Input.Translations[fr].Title", "Accueillir l’atelier 2028")
            .With("Input.Translations[fr].Description", "Dites-nous **où**.")
            .With("Input.Translations[fr].Questions[0]", "Comment les participants à distance se joindront-ils à nous ?")
            .PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var proposer = await app.SignInAsync(await app.CreateUserAsync());
        proposer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var page = WebUtility.HtmlDecode(await proposer.GetStringAsync($"/calls/{call.Id}"));
        Assert.Contains("<h1>Accueillir l’atelier 2028</h1>", page);
        Assert.Contains("Dites-nous <strong>où</strong>.", page);
        var propose = WebUtility.HtmlDecode(await proposer.GetStringAsync($"/calls/{call.Id}/propose"));
        Assert.Contains("Comment les participants à distance se joindront-ils à nous ?", propose);

        var english = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/calls/{call.Id}"));
        Assert.Contains("<h1>Host the 2028 workshop</h1>", english);
        var again = await BrowserForm.LoadAsync(organiser, edit);
        Assert.Contains(again.Fields, f => f.Key == "Input.Title" && f.Value == "Host the 2028 workshop");
        Assert.Contains(again.Fields, f => f.Key == "Input.Translations[fr].Questions[0]" && f.Value.StartsWith("Comment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_translated_title_too_long_is_refused_and_nothing_is_saved()
    {
        var call = await app.AddCallAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var edit = $"/organise/calls/{call.Id}/edit";
        var refused = await (await BrowserForm.LoadAsync(organiser, edit)).With("Input.Translations[pt].Title", new string('x', 201)).PostAsync(organiser);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("The title can be at most 200 characters.", Forms.Errors(await refused.BodyAsync()));
        var stored = await app.WithDb(db => db.Calls.AsNoTracking().Where(c => c.Id == call.Id).Select(c => c.Title).SingleAsync());
        Assert.Equal(["en"], stored.Languages);
    }
}
