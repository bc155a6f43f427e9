using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Features.Api;

/// <summary>
/// The published OpenAPI description against the real API: every route is described, and every answer the demo
/// gives (each list followed page by page, each item, the errors) validates against what the description says.
/// </summary>
public sealed class ApiContractTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_api_route_is_described_with_its_answers_and_the_description_is_openapi_3_1()
    {
        var client = app.Browser();
        var contract = await ApiCalls.ContractAsync(client);
        Assert.StartsWith("3.1", (string?)contract.Document["openapi"]);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {Template(e.RoutePattern.RawText!)}"))
            .ToList();
        Assert.NotEmpty(routes);
        Assert.Empty(routes.Except(contract.Operations));
        foreach (var operation in contract.Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!.AsObject())))
        {
            Assert.False(string.IsNullOrEmpty((string?)operation["operationId"]));
            Assert.False(string.IsNullOrEmpty((string?)operation["summary"]));
            Assert.True(operation["responses"]!["200"] is not null || operation["responses"]!["201"] is not null);
            Assert.NotNull(operation["responses"]!["400"]);
            Assert.NotNull(operation["responses"]!["429"]);
        }
    }

    [Fact]
    public async Task The_descriptions_examples_fit_their_own_schemas()
    {
        var contract = await ApiCalls.ContractAsync(app.Browser());
        var problems = contract.ExampleProblems(out var examples);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(examples > 40, $"only {examples} examples");
    }

    [Fact]
    public async Task The_judge_refuses_answers_the_description_does_not_allow()
    {
        var contract = await ApiCalls.ContractAsync(app.Browser());
        const string Path = "/api/v1/installations/ala";
        Assert.Contains(contract.Problems("GET", Path, 200, "application/json", """{"slug":1}"""), p => p.Contains("/slug"));
        var valid = """{"slug":"ala","name":"ALA","institution":null,"country":"AU","area":null,"gbifNode":null,"gbifParticipation":null,"languages":[],"webAddress":null,"status":"Live","startedYear":null,"modules":[],"resources":[],"description":null,"descriptions":null,"logo":null,"url":"http://x/community/ala"}""";
        Assert.Empty(contract.Problems("GET", Path, 200, "application/json", valid));
        Assert.NotEmpty(contract.Problems("GET", Path, 200, "application/json", valid.Replace("\"url\"", "\"secret\":1,\"url\"")));
        Assert.NotEmpty(contract.Problems("GET", Path, 200, "application/json", valid.Replace("\"Live\"", "\"Sleeping\"")));
        Assert.NotEmpty(contract.Problems("GET", Path, 418, "application/json", valid));
        Assert.NotEmpty(contract.Problems("GET", Path, 200, "text/html", valid));
        Assert.NotEmpty(contract.Problems("GET", "/api/v1/undescribed", 200, "application/json", "{}"));
    }

    // "/api/v1/workshops/{slug}/agenda/versions/{version:int}" is described as ".../{version}".
    private static string Template(string raw) => System.Text.RegularExpressions.Regex.Replace(raw, @"\{([^}:]+)(:[^}]+)?}", "{$1}");

    [Fact]
    public async Task Every_answer_the_demo_gives_validates_against_the_description()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(default);
        var client = app.Browser();
        var contract = await ApiCalls.ContractAsync(client);
        var called = new HashSet<string>();
        async Task<JsonNode?> Get(string path, HttpStatusCode expected = HttpStatusCode.OK, string? language = null)
        {
            var (response, json) = await client.ApiGetAsync(path, language);
            Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {json}");
            called.Add($"{contract.OperationOf("GET", path)} {(int)response.StatusCode}");
            return json;
        }
        async Task<List<JsonNode>> All(string path)
        {
            var items = new List<JsonNode>();
            for (var next = path + (path.Contains('?') ? "&" : "?") + "limit=2"; ;)
            {
                var page = (await Get(next))!;
                items.AddRange(page["items"]!.AsArray()!.Select(i => i!));
                if ((string?)page["next"] is not { } cursor) break;
                next = path + (path.Contains('?') ? "&" : "?") + "limit=2&cursor=" + cursor;
            }
            return items;
        }

        var workshops = await All("/api/v1/workshops?lang=all");
        Assert.Equal(3, workshops.Count);
        foreach (var slug in workshops.Select(w => (string)w!["slug"]!))
        {
            var workshop = (await Get($"/api/v1/workshops/{slug}?lang=all"))!;
            if (workshop["agenda"] is null) continue;
            await Get($"/api/v1/workshops/{slug}/agenda", language: "es");
            foreach (var version in (await Get($"/api/v1/workshops/{slug}/agenda/versions"))!.AsArray())
                await Get($"/api/v1/workshops/{slug}/agenda/versions/{(int)version!["version"]!}");
        }
        Assert.NotEmpty(await All("/api/v1/archive"));
        Assert.NotEmpty(await All("/api/v1/materials"));
        foreach (var slug in (await All("/api/v1/installations?lang=all")).Select(i => (string)i!["slug"]!)) await Get($"/api/v1/installations/{slug}?lang=all");
        foreach (var id in (await All("/api/v1/news")).Select(i => (string)i!["id"]!)) await Get($"/api/v1/news/{id}", language: "fr");
        foreach (var slug in (await All("/api/v1/projects?lang=all")).Select(i => (string)i!["slug"]!)) await Get($"/api/v1/projects/{slug}");
        Assert.NotEmpty((await Get("/api/v1/search?q=biocache"))!["items"]!.AsArray());

        // What tokens open: an organiser's token on the demo's upcoming workshop.
        var organiser = await app.CreateUserAsync(Workshops.Core.Domain.Accounts.Roles.Organiser);
        var token = app.ApiClient(await app.TokenAsync(organiser, [.. Workshops.Core.Domain.Accounts.ApiScopes.All]));
        async Task<JsonNode?> Call(HttpRequestMessage request, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var path = request.RequestUri!.OriginalString;
            var (response, json) = await token.ApiAsync(request);
            Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {json}");
            called.Add($"{contract.OperationOf(request.Method.Method, path)} {(int)response.StatusCode}");
            return json;
        }
        await Call(new HttpRequestMessage(HttpMethod.Get, "/api/v1/me"));
        var registrations = (await Call(new HttpRequestMessage(HttpMethod.Get, "/api/v1/workshops/2027-sao-paulo/registrations?status=Submitted")))!["items"]!.AsArray();
        await Call(new HttpRequestMessage(HttpMethod.Get, "/api/v1/workshops/2027-sao-paulo/registrations/export?format=csv"));
        await Call(new HttpRequestMessage(HttpMethod.Get, "/api/v1/workshops/2027-sao-paulo/registrations/export?format=xlsx"));
        await Call(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/registrations/{registrations[0]!["id"]}/status") { Content = JsonContent.Create(new { status = "Waitlisted" }) });
        await Call(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/registrations/{registrations[0]!["id"]}/status") { Content = JsonContent.Create(new { status = "Admitted", version = "0" }) }, HttpStatusCode.Conflict);
        await Call(new HttpRequestMessage(HttpMethod.Get, "/api/v1/workshops/no-such-workshop/registrations"), HttpStatusCode.NotFound);
        var draft = (await Call(new HttpRequestMessage(HttpMethod.Get, "/api/v1/workshops/2027-sao-paulo/agenda/draft")))!;
        var item = (await Call(new HttpRequestMessage(HttpMethod.Post, "/api/v1/workshops/2027-sao-paulo/agenda/items") { Content = JsonContent.Create(new { title = "Contract check", durationMinutes = 30 }) }, HttpStatusCode.Created))!;
        await Call(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workshops/2027-sao-paulo/agenda/items/{item["id"]}/place")
        {
            Content = JsonContent.Create(new { roomId = (string)draft["rooms"]![0]!["id"]!, day = (string)draft["items"]!.AsArray().First(i => i!["day"] is not null)!["day"]!, start = "18:00" }),
        });
        await Call(new HttpRequestMessage(HttpMethod.Post, "/api/v1/workshops/2027-sao-paulo/agenda/items") { Content = JsonContent.Create(new { title = "" }) }, HttpStatusCode.BadRequest);
        var upload = new MultipartFormDataContent { { new StringContent("Contract slides"), "title" }, { new ByteArrayContent(MaterialData.Pdf("contract")), "file", "contract.pdf" } };
        await Call(new HttpRequestMessage(HttpMethod.Post, "/api/v1/workshops/2027-sao-paulo/materials") { Content = upload }, HttpStatusCode.Created);
        await Call(new HttpRequestMessage(HttpMethod.Post, "/api/v1/workshops/2027-sao-paulo/materials") { Content = new MultipartFormDataContent { { new StringContent("Nothing"), "title" } } }, HttpStatusCode.UnprocessableEntity);
        await Call(new HttpRequestMessage(HttpMethod.Get, "/api/v1/workshops/2027-sao-paulo/travel"));
        // Registering for the demo's upcoming workshop, answering its required questions as the form asks them.
        var saoPaulo = (await Get("/api/v1/workshops/2027-sao-paulo"))!;
        var registrationAnswers = saoPaulo["registration"]!["questions"]!.AsArray().Where(q => (bool)q!["required"]!)
            .ToDictionary(q => (string)q!["id"]!, q => new[] { q!["choices"]!.AsArray().Select(c => (string?)c!["value"]).FirstOrDefault() ?? "An answer" });
        await Call(new HttpRequestMessage(HttpMethod.Post, "/api/v1/workshops/2027-sao-paulo/registrations")
        {
            Content = JsonContent.Create(new { institution = "SiB Colombia", country = "CO", trackId = (string)saoPaulo["tracks"]![0]!["id"]!, acceptsPrivacy = true, answers = registrationAnswers }),
        }, HttpStatusCode.Created);
        await Call(new HttpRequestMessage(HttpMethod.Post, "/api/v1/workshops/2027-sao-paulo/registrations") { Content = JsonContent.Create(new { acceptsPrivacy = true }) }, HttpStatusCode.Conflict);
        // Calls and proposals: the demo's yearly call is open, the São Paulo call for sessions closed ten days ago.
        var calls = await All("/api/v1/calls?lang=all");
        foreach (var id in calls.Select(c => (string)c!["id"]!)) await Get($"/api/v1/calls/{id}?lang=all");
        var yearly = (await Get($"/api/v1/calls/{calls.Single(c => (string)c!["kind"]! == "Workshops")!["id"]}"))!;
        var answers = new Dictionary<string, string> { [(string)yearly["questions"]![0]!["id"]!] = "Through the hybrid room." };
        await Call(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/calls/{yearly["id"]}/proposals")
        {
            Content = JsonContent.Create(new
            {
                title = "Nairobi 2029", text = "Two rooms.", answers, hostInstitution = "National Museums of Kenya", city = "Nairobi", country = "Kenya",
                startsOn = "2029-09-10", endsOn = "2029-09-14", format = "InPerson", topics = "Data publishing", expectedParticipants = 40, fundingNotes = "A grant.",
                tracks = new[] { new { name = "Developers", seats = 25 } },
            }),
        }, HttpStatusCode.Created);
        var sessions = calls.Single(c => (string)c!["kind"]! == "Sessions")!;
        await Call(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/calls/{sessions["id"]}/proposals") { Content = JsonContent.Create(new { title = "Too late" }) }, HttpStatusCode.UnprocessableEntity);
        await Call(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/calls/{yearly["id"]}/proposals") { Content = JsonContent.Create(new { title = "" }) }, HttpStatusCode.BadRequest);
        await Call(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/calls/{Guid.NewGuid()}/proposals") { Content = JsonContent.Create(new { title = "Nowhere" }) }, HttpStatusCode.NotFound);
        Assert.Single((await Call(new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/proposals")))!.AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(null).ApiGetAsync("/api/v1/me")).Response.StatusCode);

        // The errors are described too.
        await Get("/api/v1/workshops/no-such-workshop", HttpStatusCode.NotFound);
        await Get("/api/v1/workshops/no-such-workshop/agenda", HttpStatusCode.NotFound);
        await Get("/api/v1/workshops/no-such-workshop/agenda/versions", HttpStatusCode.NotFound);
        await Get("/api/v1/workshops/2025-madrid/agenda/versions/99", HttpStatusCode.NotFound);
        await Get("/api/v1/installations/no-such-portal", HttpStatusCode.NotFound);
        await Get($"/api/v1/news/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await Get("/api/v1/projects/no-such-project", HttpStatusCode.NotFound);
        await Get($"/api/v1/calls/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        foreach (var list in new[] { "workshops", "calls", "archive", "materials", "installations", "news", "projects", "search?q=atlas&" })
            await Get($"/api/v1/{list}{(list.EndsWith('&') ? "" : "?")}cursor=bad", HttpStatusCode.BadRequest);
        await Get("/api/v1/search", HttpStatusCode.BadRequest);
        await Get("/api/v1/workshops?year=soon", HttpStatusCode.BadRequest);

        // Every described operation has answered with success here.
        var uncalled = contract.Operations.Where(o => !called.Any(c => c.StartsWith(o + " 2", StringComparison.Ordinal))).ToList();
        Assert.True(uncalled.Count == 0, "Never answered 200: " + string.Join(", ", uncalled));
    }
}
