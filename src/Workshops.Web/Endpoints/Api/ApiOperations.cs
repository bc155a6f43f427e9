using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workshops.Web.Endpoints.Api;

/// <summary>
/// What every read has in common and the generator cannot see, because a filter does it: the language asked for,
/// the conditional headers, and the 304 answer with the ETag and Last-Modified it is based on.
/// </summary>
public sealed class ApiOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<TokenScope>().FirstOrDefault() is { } scope)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiSecurity.SchemeName, context.Document)] = [scope.Scope] }];
            operation.Description += $" Needs a token with the scope {scope.Scope}.";
        }
        if (!string.Equals(context.Description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(Header("Accept-Language", "The reader's languages (en, es, fr, pt): multilingual texts and messages are given in the first one the site speaks."));
        operation.Parameters.Add(Header("If-None-Match", "The ETag of a copy the client holds: 304 with no body when it is still current."));
        operation.Parameters.Add(Header("If-Modified-Since", "When the client's copy was taken: 304 when nothing changed since (If-None-Match wins when both are sent)."));
        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses)
        {
            if (status != "200" || response is not OpenApiResponse ok) continue;
            ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
            ok.Headers["ETag"] = new OpenApiHeader { Description = "A tag of this answer's content, for If-None-Match.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            ok.Headers["Last-Modified"] = new OpenApiHeader { Description = "When the data last changed, where it says so.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
        operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: the copy the client holds is current." };
        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
