using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workshops.Web.Endpoints.Api;

/// <summary>
/// Examples in the description, so a reader (and a client generator) sees a value next to each parameter and a
/// filled request next to each write. The values are the demo's, so every example also works against a site
/// started with --seed-demo; the contract test checks each one against its own schema.
/// </summary>
public sealed class ApiExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, JsonNode> Parameters = new()
    {
        ["year"] = 2027, ["status"] = "Upcoming", ["country"] = "BR", ["sort"] = "Starts", ["lang"] = "all", ["limit"] = 20,
        ["q"] = "biocache", ["kind"] = "Sessions", ["open"] = true, ["format"] = "csv", ["track"] = "Developers", ["version"] = 2,
        ["workshop"] = "2027-sao-paulo", ["module"] = "biocache", ["type"] = "Workshop",
    };

    // Per operation where one name means different things (a workshop's slug, a portal's, a project's).
    private static readonly Dictionary<(string Operation, string Parameter), JsonNode> ByOperation = new()
    {
        [("GetInstallation", "slug")] = "ala",
        [("ListInstallations", "status")] = "Live",
        [("ListProjects", "status")] = "Active",
        [("ListRegistrations", "status")] = "Submitted",
        [("ListCalls", "sort")] = "Closes",
        [("ListInstallations", "sort")] = "Country",
        [("ListProjects", "sort")] = "Title",
        [("ListArchive", "sort")] = "Oldest",
        [("ListMaterials", "sort")] = "Title",
        [("ListProjects", "year")] = 2026,
        [("ListMaterials", "type")] = "Slides",
    };

    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["CreateProposal"] = """
            {"title": "Publishing sampling events with the IPT", "text": "A hands-on talk on **sampling-event** datasets.",
             "answers": {"3f0e2a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b": "IPT 3.1 and later."},
             "type": "Talk", "trackId": "6c1f0d2e-3a4b-4c5d-9e8f-7a6b5c4d3e2f", "durationMinutes": 30,
             "coSpeakers": [{"name": "Diego Ramírez", "email": "diego@example.org"}], "submit": true}
            """,
        ["CreateAgendaItem"] = """
            {"title": "Biocache in practice", "type": "Session", "durationMinutes": 45, "speakers": ["Ana Souza <ana@example.org>", "Kofi Mensah"]}
            """,
        ["PlaceAgendaItem"] = """
            {"roomId": "0b7d6c5e-4f3a-4b2c-8d1e-9f0a1b2c3d4e", "day": "2027-10-05", "start": "10:30", "durationMinutes": 45, "version": "638712345678901234"}
            """,
        ["Register"] = """
            {"institution": "Instituto Humboldt", "country": "CO", "role": "Data manager", "trackId": "6c1f0d2e-3a4b-4c5d-9e8f-7a6b5c4d3e2f",
             "acceptsPrivacy": true, "listPublicly": true, "photosAllowed": true, "wantsLetter": false,
             "answers": {"3f0e2a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b": ["Vegetarian"]}}
            """,
        ["MoveRegistration"] = """
            {"status": "Admitted", "version": "638712345678901234"}
            """,
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var id = operation.OperationId ?? "";
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In is not (ParameterLocation.Query or ParameterLocation.Path) || parameter.Example is not null || parameter.Name is null) continue;
            if (ByOperation.TryGetValue((id, parameter.Name), out var own) || Parameters.TryGetValue(parameter.Name, out own))
                parameter.Example = own.DeepClone();
            else if (parameter.Name == "slug" && !id.Contains("Project", StringComparison.Ordinal)) parameter.Example = "2027-sao-paulo";
        }
        if (Bodies.TryGetValue(id, out var body) && operation.RequestBody?.Content is { } content)
            foreach (var media in content.Values.OfType<OpenApiMediaType>())
                media.Example = JsonNode.Parse(body);
        return Task.CompletedTask;
    }
}
