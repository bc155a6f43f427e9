using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Organise;

/// <summary>Countries are chosen and stored as codes: one country counts once, whatever language it was typed in.</summary>
public sealed class CountryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<Guid> RegisterAsync(Workshop workshop, Core.Domain.Registrations.RegistrationSetup setup, string country)
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields["Input.Country"] = country;
        fields[$"Input.Answers[{setup.Questions[0].Id}]"] = "Biocache";
        var response = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDb(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task Brasil_and_Brazil_are_one_country_in_the_statistics()
    {
        var workshop = await app.AddWorkshopAsync($"ct-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        await RegisterAsync(workshop, setup, "BR");
        await RegisterAsync(workshop, setup, "Brasil"); // a form filled by a script, in Portuguese
        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = WebUtility.HtmlDecode(await organiser.GetStringAsync($"/organise/workshops/{workshop.Id}/registrations"));
        Assert.Contains("<th scope=\"row\">Brazil</th>", page);
        Assert.DoesNotContain("<th scope=\"row\">Brasil</th>", page);
        Assert.Equal(2, await app.WithDb(db => db.Registrations.CountAsync(r => r.WorkshopId == workshop.Id && r.Country == "BR")));
    }

    [Fact]
    public async Task A_country_not_on_the_list_is_refused_beside_its_field()
    {
        var workshop = await app.AddWorkshopAsync($"cr-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user);
        fields["Input.Country"] = "Atlantis";
        fields[$"Input.Answers[{setup.Questions[0].Id}]"] = "Biocache";
        var refused = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Choose your country from the list.", Forms.Errors(await refused.BodyAsync()));
        Assert.False(await app.WithDb(db => db.Registrations.AnyAsync(r => r.UserId == user.Id)));
    }

    [Fact]
    public async Task Old_text_is_mapped_at_start_and_what_is_left_is_chosen_by_an_organiser()
    {
        var workshop = await app.AddWorkshopAsync($"cm-{Guid.NewGuid():N}"[..20]);
        var setup = await app.AddRegistrationAsync(workshop);
        var first = await RegisterAsync(workshop, setup, "CO");
        var second = await RegisterAsync(workshop, setup, "CO");
        // As a database from before the picker holds them.
        await app.WithDb(db => db.Database.ExecuteSqlAsync($"""UPDATE "Registrations" SET "Country" = 'ESPAÑA' WHERE "Id" = {first}"""));
        await app.WithDb(db => db.Database.ExecuteSqlAsync($"""UPDATE "Registrations" SET "Country" = 'Kenya (Nairobi office)' WHERE "Id" = {second}"""));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CountryCodes>().MapAsync(default);
        Assert.Equal("ES", await app.WithDb(db => db.Registrations.Where(r => r.Id == first).Select(r => r.Country).SingleAsync()));

        var organiser = await app.BrowserAs(Roles.Organiser);
        var page = WebUtility.HtmlDecode(await organiser.GetStringAsync("/organise/countries"));
        Assert.Contains("“Kenya (Nairobi office)”", page);
        Assert.Contains("1 registrations", page);
        Assert.DoesNotContain("ESPAÑA", page);

        var bad = await organiser.PostFormAsync("/organise/countries", new() { ["value"] = "Kenya (Nairobi office)", ["code"] = "" }, "/organise/countries");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Choose the country that “Kenya (Nairobi office)” means.", Forms.Errors(await bad.BodyAsync()));

        var fixedIt = await organiser.PostFormAsync("/organise/countries", new() { ["value"] = "Kenya (Nairobi office)", ["code"] = "KE" }, "/organise/countries");
        Assert.Equal(HttpStatusCode.Redirect, fixedIt.StatusCode);
        Assert.Equal("KE", await app.WithDb(db => db.Registrations.Where(r => r.Id == second).Select(r => r.Country).SingleAsync()));
        Assert.Contains("Every country is a code", await organiser.GetStringAsync("/organise/countries"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_organisers_choose_countries(string? role)
    {
        var client = await app.BrowserAs(role);
        var response = await client.GetAsync("/organise/countries");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(role is null ? "/account/signin" : "/account/access-denied", response.Headers.Location!.ToString());
    }
}
