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
        return Task.CompletedTask;
    }
}
