using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Materials;

public sealed class MaterialDownloadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Setup(Workshop Workshop, AgendaItem Session, Material Public, Material Participants, Material Organisers, Material Link);

    private async Task<Setup> SetupAsync()
    {
        var workshop = await app.AddWorkshopAsync($"d-{Guid.NewGuid():N}"[..20]);
        var session = await app.AddItemAsync(workshop, "Spatial portal / GeoServer");
        return new Setup(workshop, session,
            await app.AddMaterialAsync(workshop.Id, session.Id, "Public slides", MaterialVisibility.Public, fileName: "public.pdf"),
            await app.AddMaterialAsync(workshop.Id, session.Id, "Participants' exercises", MaterialVisibility.Participants, fileName: "exercises.pdf"),
            await app.AddMaterialAsync(workshop.Id, null, "Organisers' budget", MaterialVisibility.Organisers, fileName: "budget.pdf"),
            await app.AddMaterialAsync(workshop.Id, session.Id, "Recording", link: "https://example.org/recording"));
    }

    /// <summary>A member admitted to the workshop through the real registration form (first come, first served).</summary>
    private async Task<HttpClient> ParticipantAsync(Workshop workshop)
    {
        var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        var response = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", RegistrationData.RegistrationFields(setup, workshop, user));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static TheoryData<string, string, string, string> Roles_and_what_they_get => new()
    {
        // role, public, participants, organisers: "ok", "signin" or "403"
        { "anonymous", "ok", "signin", "signin" },
        { Roles.Member, "ok", "403", "403" },
        { Roles.Reviewer, "ok", "403", "403" },
        { "participant", "ok", "ok", "403" },
        { "speaker", "ok", "ok", "403" },
        { Roles.Organiser, "ok", "ok", "ok" },
        { Roles.Admin, "ok", "ok", "ok" },
    };

    [Theory]
    [MemberData(nameof(Roles_and_what_they_get))]
    public async Task Each_file_is_served_only_to_those_who_may_see_it(string role, string forPublic, string forParticipants, string forOrganisers)
    {
        var s = await SetupAsync();
        var client = await ClientAsync(role, s);
        foreach (var (material, expected) in new[] { (s.Public, forPublic), (s.Participants, forParticipants), (s.Organisers, forOrganisers) })
        {
            var response = await client.GetAsync($"/materials/{material.Id}/file");
            var got = response.StatusCode switch
            {
                HttpStatusCode.OK => "ok",
                HttpStatusCode.Redirect when response.Headers.Location!.ToString().Contains("/account/signin") => "signin",
                HttpStatusCode.Forbidden => "403",
                var other => other.ToString(),
            };
            Assert.True(expected == got, $"{role} on {material.Title}: expected {expected}, got {got}");
        }

        var page = await (await client.GetAsync($"/workshops/{s.Workshop.Slug}/materials")).BodyAsync();
        Assert.Contains("Public slides", page);
        Assert.Equal(forParticipants == "ok", page.Contains("Participants&#x27; exercises") || page.Contains("Participants' exercises"));
        Assert.Equal(forOrganisers == "ok", page.Contains("Organisers&#x27; budget") || page.Contains("Organisers' budget"));

        var zip = await client.GetAsync($"/workshops/{s.Workshop.Slug}/materials.zip");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(names, n => n.EndsWith("/public.pdf"));
        Assert.Equal(forParticipants == "ok", names.Any(n => n.EndsWith("/exercises.pdf")));
        Assert.Equal(forOrganisers == "ok", names.Any(n => n.EndsWith("/budget.pdf")));
    }

    private async Task<HttpClient> ClientAsync(string role, Setup s) => role switch
    {
        "anonymous" => app.Browser(),
        "participant" => await ParticipantAsync(s.Workshop),
        "speaker" => await SpeakerAsync(s.Workshop),
        _ => await app.BrowserAs(role),
    };

    private async Task<HttpClient> SpeakerAsync(Workshop workshop)
    {
        var user = await app.CreateUserAsync();
        await app.AddItemAsync(workshop, "Another talk", speakers: new AgendaSpeakerDetails(user.DisplayName, user.Id));
        return await app.SignInAsync(user);
    }

    [Fact]
    public async Task Downloads_resume_with_ranges_and_revalidate_with_etags()
    {
        var s = await SetupAsync();
        var client = app.Browser();
        var url = $"/materials/{s.Public.Id}/file";
        var whole = await client.GetAsync(url);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal($"\"{s.Public.FileHash}\"", whole.Headers.ETag!.Tag);
        Assert.NotNull(whole.Content.Headers.LastModified);
        Assert.Equal("nosniff", whole.Headers.GetValues("X-Content-Type-Options").Single());

        var part = new HttpRequestMessage(HttpMethod.Get, url);
        part.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await client.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 100-199/{bytes.Length}", partial.Content.Headers.ContentRange!.ToString());

        var rest = new HttpRequestMessage(HttpMethod.Get, url);
        rest.Headers.Range = new RangeHeaderValue(bytes.Length - 10, null);
        rest.Headers.IfRange = new RangeConditionHeaderValue(whole.Headers.ETag);
        Assert.Equal(bytes[^10..], await (await client.SendAsync(rest)).Content.ReadAsByteArrayAsync());

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(whole.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new RangeHeaderValue(bytes.Length + 10, null);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await client.SendAsync(beyond)).StatusCode);
    }

    [Fact]
    public async Task The_zip_has_a_folder_per_session_and_lists_links()
    {
        var s = await SetupAsync();
        var organiser = await app.BrowserAs(Roles.Organiser);
        var zip = await organiser.GetAsync($"/workshops/{s.Workshop.Slug}/materials.zip");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        var names = archive.Entries.Select(e => e.FullName).Order().ToList();
        var root = $"{s.Workshop.Slug} materials";
        Assert.Equal(new[]
        {
            $"{root}/Links.txt",
            $"{root}/Other sessions/Spatial portal - GeoServer/exercises.pdf",
            $"{root}/Other sessions/Spatial portal - GeoServer/public.pdf",
            $"{root}/Workshop/budget.pdf",
        }, names);
        Assert.All(names, n => Assert.DoesNotContain("..", n));
        using var links = new StreamReader(archive.GetEntry($"{root}/Links.txt")!.Open());
        Assert.Contains("https://example.org/recording", await links.ReadToEndAsync());
    }

    [Fact]
    public async Task Unknown_materials_and_workshops_are_not_found()
    {
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/materials/{Guid.NewGuid()}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/materials/{Guid.NewGuid()}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/workshops/no-such-workshop/materials.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/workshops/no-such-workshop/materials")).StatusCode);
        var draft = await app.AddWorkshopAsync($"x-{Guid.NewGuid():N}"[..20], WorkshopStatus.Draft);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/workshops/{draft.Slug}/materials.zip")).StatusCode);
    }

    [Fact]
    public async Task A_workshop_taken_back_to_draft_takes_its_files_with_it_except_for_organisers()
    {
        var s = await SetupAsync();
        await app.WithDb(async db =>
        {
            var w = await db.Workshops.SingleAsync(x => x.Id == s.Workshop.Id);
            w.MoveTo(WorkshopStatus.Draft, null, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/materials/{s.Public.Id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAs(Roles.Organiser)).GetAsync($"/materials/{s.Public.Id}/file")).StatusCode);
    }
}
