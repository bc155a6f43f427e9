using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workshops.Web.Features.ApiDocs;

public sealed record ApiParameter(string Name, string In, string Type, string? TypeLink, bool Required, string? Description, string? Example);

/// <summary>What a write takes: its type and a filled example, indented as a person reads it.</summary>
public sealed record ApiRequest(string MediaType, string Type, string? TypeLink, string? Example);

public sealed record ApiResponse(string Status, string Description, string? Body, string? BodyLink);

public sealed record ApiOperation(string Id, string Method, string Path, string Tag, string? Summary, string? Description,
    IReadOnlyList<ApiParameter> Parameters, ApiRequest? Request, IReadOnlyList<ApiResponse> Responses);

public sealed record ApiProperty(string Name, string Type, string? TypeLink, bool Required, string? Description);

public sealed record ApiSchema(string Name, string? Description, IReadOnlyList<ApiProperty> Properties, IReadOnlyList<string> Values);

/// <summary>
/// The OpenAPI description read for people: the site writes it from the same document it publishes at
/// /openapi/v1.json, so the reference pages never disagree with it, and they need no script from elsewhere.
/// </summary>
public sealed class ApiReference
{
    public string Title { get; private init; } = "";
    public string? Description { get; private init; }
    public IReadOnlyList<ApiOperation> Operations { get; private init; } = [];
    public IReadOnlyList<ApiSchema> Schemas { get; private init; } = [];

    public IEnumerable<IGrouping<string, ApiOperation>> ByTag => Operations.GroupBy(o => o.Tag);

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Razor encodes the page; "Ramírez" stays readable
    };

    public static async Task<ApiReference> ReadAsync(IOpenApiDocumentProvider provider, CancellationToken ct)
    {
        var document = await provider.GetOpenApiDocumentAsync(ct);
        await using var text = new StringWriter();
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        var doc = JsonNode.Parse(text.ToString())!.AsObject();
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in doc["paths"]?.AsObject() ?? [])
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject op || op["responses"] is null) continue;
                var parameters = (op["parameters"]?.AsArray() ?? []).OfType<JsonObject>().Select(p =>
                {
                    var (type, link) = TypeOf(p["schema"]);
                    return new ApiParameter((string)p["name"]!, (string)p["in"]!, type, link, (bool?)p["required"] ?? false, (string?)p["description"],
                        p["example"] is JsonValue example ? example.ToString() : null);
                }).OrderBy(p => p.In switch { "path" => 0, "query" => 1, _ => 2 }).ToList();
                ApiRequest? request = null;
                if (op["requestBody"]?["content"]?.AsObject().FirstOrDefault() is { Key: { } media, Value: JsonObject body })
                {
                    var (type, link) = TypeOf(body["schema"]);
                    request = new ApiRequest(media, type, link, body["example"]?.ToJsonString(Indented));
                }
                var responses = op["responses"]!.AsObject().OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
                {
                    var schema = r.Value?["content"]?.AsObject().FirstOrDefault().Value?["schema"];
                    var (type, link) = schema is null ? (null, null) : TypeOf(schema);
                    return new ApiResponse(r.Key, (string?)r.Value?["description"] ?? "", type, link);
                }).ToList();
                operations.Add(new ApiOperation((string?)op["operationId"] ?? $"{method}-{path}", method.ToUpperInvariant(), path,
                    (string?)op["tags"]?[0] ?? "API", (string?)op["summary"], (string?)op["description"], parameters, request, responses));
            }
        var schemas = (doc["components"]?["schemas"]?.AsObject() ?? []).Select(s => Schema(s.Key, s.Value!.AsObject())).ToList();
        return new ApiReference
        {
            Title = (string?)doc["info"]?["title"] ?? "API",
            Description = (string?)doc["info"]?["description"],
            Operations = operations,
            Schemas = schemas,
        };
    }

    private static ApiSchema Schema(string name, JsonObject schema)
    {
        var required = (schema["required"]?.AsArray() ?? []).Select(r => (string?)r).ToHashSet();
        var properties = (schema["properties"]?.AsObject() ?? []).Select(p =>
        {
            var (type, link) = TypeOf(p.Value);
            return new ApiProperty(p.Key, type, link, required.Contains(p.Key), (string?)p.Value?["description"]);
        }).ToList();
        var values = (schema["enum"]?.AsArray() ?? []).Select(v => v?.ToString() ?? "null").ToList();
        return new ApiSchema(name, (string?)schema["description"], properties, values);
    }

    /// <summary>A schema in words, "string or null", "array of Workshop", with the schema it names for a link.</summary>
    public static (string Type, string? Link) TypeOf(JsonNode? schema)
    {
        if (schema is not JsonObject s) return ("any", null);
        if ((string?)s["$ref"] is { } reference) return (reference[(reference.LastIndexOf('/') + 1)..], reference[(reference.LastIndexOf('/') + 1)..]);
        if (s["allOf"] is JsonArray { Count: 1 } all) return TypeOf(all[0]);
        if ((s["oneOf"] ?? s["anyOf"]) is JsonArray)
        {
            var parts = ((s["oneOf"] ?? s["anyOf"])!.AsArray()).Select(TypeOf).ToList();
            return (string.Join(" or ", parts.Select(p => p.Type)), parts.FirstOrDefault(p => p.Link is not null).Link);
        }
        var types = s["type"] switch
        {
            JsonArray many => many.Select(t => (string?)t ?? "").ToList(),
            JsonValue one => [(string?)one ?? ""],
            _ => new List<string>(),
        };
        var words = types.Where(t => t != "null").Select(t => t switch
        {
            "array" => "array of " + TypeOf(s["items"]).Type,
            "object" when s["additionalProperties"] is JsonObject values => "map of " + TypeOf(values).Type,
            "string" when (string?)s["format"] is { } format => $"string ({format})",
            "integer" when (string?)s["format"] is { } format => $"integer ({format})",
            _ => t,
        }).ToList();
        if (words.Count == 0) words.Add("any");
        var link = types.Contains("array") ? TypeOf(s["items"]).Link : null;
        return (string.Join(" or ", words) + (types.Contains("null") ? " or null" : ""), link);
    }
}
