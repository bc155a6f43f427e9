using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

/// <summary>Endpoints that act for a person: a token with the scope, never a browser's cookie, and answers no cache keeps.</summary>
public static class ApiSecurity
{
    public const string SchemeName = "token";

    public static RouteHandlerBuilder RequireToken(this RouteHandlerBuilder endpoint, string scope) => endpoint
        .RequireAuthorization(ApiTokenAuthentication.Policy(scope))
        .WithMetadata(new TokenScope(scope))
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
}

/// <summary>The scope an endpoint needs, for its description.</summary>
public sealed record TokenScope(string Scope);
