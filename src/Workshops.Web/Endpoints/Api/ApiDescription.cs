using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workshops.Web.Endpoints.Api;

/// <summary>What the description says of the API as a whole.</summary>
public sealed class ApiDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Workshops API",
            Version = ApiServices.Version,
            Description = "The community's workshops, agendas, archive, registry, news and projects, for other sites and apps. "
                + "Reading needs no token. Lists are paged with cursors; every answer carries an ETag and honours If-None-Match; "
                + "multilingual texts follow Accept-Language, or carry every language with lang=all. Errors are RFC 9457 problem documents.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiSecurity.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token, made on the account page (/account/tokens) with the scopes an endpoint names. "
                    + "It acts as its owner, within its scopes and the workshops it was limited to; a workshop out of its reach is answered 404.",
            },
        };
        LetRequestsLeaveOutNulls(document);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The generator marks every constructor parameter of a record as required, which is right for answers (a null is
    /// written out) but wrong for requests: a property that may be null may also be left out, and the API reads it as
    /// null. So in the schemas requests use, only properties that cannot be null stay required.
    /// </summary>
    private static void LetRequestsLeaveOutNulls(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null) return;
        var pending = new Stack<IOpenApiSchema>((document.Paths ?? []).SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.RequestBody?.Content?.Values ?? []).Select(m => m.Schema).OfType<IOpenApiSchema>());
        var seen = new HashSet<string>();
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference reference)
            {
                if (reference.Reference.Id is { } id && seen.Add(id) && schemas.TryGetValue(id, out var target)) pending.Push(target);
                continue;
            }
            if (schema is not OpenApiSchema own) continue;
            foreach (var (name, property) in own.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (own.Required is { } required && MayBeNull(property)) required.Remove(name);
                pending.Push(property);
            }
            foreach (var inner in (own.OneOf ?? []).Concat(own.AnyOf ?? []).Concat(own.AllOf ?? [])) pending.Push(inner);
            if (own.Items is { } items) pending.Push(items);
        }
    }

    private static bool MayBeNull(IOpenApiSchema schema) =>
        schema.Type is { } type && type.HasFlag(JsonSchemaType.Null) || schema.OneOf?.Any(o => o.Type == JsonSchemaType.Null) == true;
}
