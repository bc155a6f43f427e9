using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Workshops.IntegrationTests.Support;

/// <summary>
/// The site's own OpenAPI description, read from /openapi/v1.json, as a judge of real answers: each answer's status
/// must be described for its operation, and its body must validate against the schema described for that status and
/// content type. Object schemas are closed here (no property the description does not name), except problem
/// documents, which RFC 9457 leaves open.
/// </summary>
public sealed class ApiContract
{
    private readonly JsonObject _doc;
    private readonly List<(string Template, Regex Pattern)> _paths;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private ApiContract(JsonObject doc)
    {
        _doc = doc;
        _paths = doc["paths"]!.AsObject().Select(p => (p.Key, new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$"))).ToList();
    }

    public JsonObject Document => _doc;

    public static async Task<ApiContract> LoadAsync(HttpClient client)
    {
        var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return new ApiContract(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>Every described operation, as "GET /api/v1/workshops/{slug}".</summary>
    public IReadOnlyList<string> Operations => _doc["paths"]!.AsObject()
        .SelectMany(p => p.Value!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete").Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}")).ToList();

    /// <summary>The described operation a request went to, or null.</summary>
    public string? OperationOf(string method, string path)
    {
        var bare = path.Split('?')[0];
        var template = _paths.Where(p => p.Pattern.IsMatch(bare)).Select(p => p.Template).OrderBy(t => t.Count(c => c == '{')).FirstOrDefault();
        return template is not null && _doc["paths"]![template]![method.ToLowerInvariant()] is not null ? $"{method.ToUpperInvariant()} {template}" : null;
    }

    /// <summary>What is wrong with an answer, by the description; empty when it agrees.</summary>
    public IReadOnlyList<string> Problems(string method, string path, int status, string? contentType, string body)
    {
        if (OperationOf(method, path) is not { } operation) return [$"{method} {path} is not described"];
        var template = operation[(operation.IndexOf(' ') + 1)..];
        var responses = _doc["paths"]![template]![method.ToLowerInvariant()]!["responses"]!.AsObject();
        if ((responses[status.ToString()] ?? responses["default"]) is not JsonObject described) return [$"{operation} answered {status}, which is not described"];
        var content = described["content"]?.AsObject();
        if (content is null || content.Count == 0) return body.Length == 0 ? [] : [$"{operation} {status} has a body but none is described"];
        var media = contentType?.Split(';')[0].Trim() ?? "";
        if (content[media]?["schema"] is not JsonNode schema) return [$"{operation} {status} answered {media}, described: {string.Join(", ", content.Select(c => c.Key))}"];
        // Files (an export as CSV or Excel) are checked by their type only; JSON is checked against its schema.
        if (!media.EndsWith("json", StringComparison.Ordinal)) return [];
        var validator = _schemas.GetOrAdd($"{operation} {status} {media}", _ => Compile(schema));
        JsonElement instance;
        try { instance = JsonDocument.Parse(body).RootElement; }
        catch (JsonException e) { return [$"{operation} {status}: not JSON ({e.Message})"]; }
        var result = validator.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{operation} {status} at {d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).ToList();
    }

    /// <summary>
    /// What is wrong with the description's own examples: each parameter's and each request's must validate against
    /// its schema, and every JSON request body must have one.
    /// </summary>
    public IReadOnlyList<string> ExampleProblems(out int checkedExamples)
    {
        var problems = new List<string>();
        var count = 0;
        foreach (var (path, item) in _doc["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject().Where(m => m.Value is JsonObject))
            {
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                    if (parameter?["example"] is { } example && parameter["schema"] is { } schema)
                    {
                        count++;
                        problems.AddRange(Judge($"{method} {path} parameter {parameter["name"]}", schema, example));
                    }
                foreach (var (media, content) in operation["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    if (!media.EndsWith("json", StringComparison.Ordinal)) continue;
                    if (content?["example"] is not { } example) { problems.Add($"{method} {path}: the {media} request has no example"); continue; }
                    count++;
                    problems.AddRange(Judge($"{method} {path} request", content["schema"]!, example));
                }
            }
        checkedExamples = count;
        return problems;
    }

    private IEnumerable<string> Judge(string what, JsonNode schema, JsonNode example)
    {
        var result = Compile(schema).Evaluate(JsonDocument.Parse(example.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{what} example at {d.InstanceLocation}: {e.Value}"));
    }

    private JsonSchema Compile(JsonNode schema)
    {
        var defs = new JsonObject();
        foreach (var (name, node) in _doc["components"]?["schemas"]?.AsObject() ?? [])
        {
            var copy = node!.DeepClone().AsObject();
            if (!name.Contains("ProblemDetails") && copy["properties"] is not null && copy["additionalProperties"] is null) copy["additionalProperties"] = false;
            defs[name] = copy;
        }
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$defs"] = defs, ["allOf"] = new JsonArray(schema.DeepClone()) };
        return JsonSchema.FromText(root.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/"));
    }
}

/// <summary>Reading the API as a client does, with every answer checked against the description.</summary>
public static class ApiCalls
{
    private static readonly ConcurrentDictionary<string, byte> Seen = new();
    private static ApiContract? _contract;

    /// <summary>The operations some test has called, with the statuses they answered ("GET /api/v1/workshops 200").</summary>
    public static IReadOnlyCollection<string> Called => Seen.Keys.ToList();

    public static async Task<ApiContract> ContractAsync(HttpClient client) => _contract ??= await ApiContract.LoadAsync(client);

    public static async Task<(HttpResponseMessage Response, JsonNode? Json)> ApiAsync(this HttpClient client, HttpRequestMessage request)
    {
        var contract = await ContractAsync(client);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString;
        var problems = contract.Problems(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + body);
        Seen.TryAdd($"{contract.OperationOf(request.Method.Method, path)} {(int)response.StatusCode}", 0);
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
        return (response, body.Length == 0 || !json ? null : JsonNode.Parse(body));
    }

    public static Task<(HttpResponseMessage Response, JsonNode? Json)> ApiGetAsync(this HttpClient client, string path, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return client.ApiAsync(request);
    }
}
