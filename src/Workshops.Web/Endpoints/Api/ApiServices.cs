using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

/// <summary>
/// The public API under /api/v1: minimal APIs in route groups, answers in JSON with ETags, errors as RFC 9457 problem
/// documents, and an OpenAPI 3.1 description at /openapi/v1.json that the tests check every real answer against.
/// </summary>
public static class ApiServices
{
    public const string Version = "v1";
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            // Numbers are numbers: without this the description would allow "2027" in quotes for every integer.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // Enums by name, spelled as the query string takes them (status=Upcoming), so one spelling works both ways.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddProblemDetails();
        services.AddScoped<Features.Organise.Webhooks.WebhookDesk>();
        // A value that cannot be read is the client's mistake in every environment: 400 with the field (ParameterProblems), not an exception page.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOpenApi(Version, o =>
        {
            o.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDescription>();
            o.AddOperationTransformer<ApiOperations>();
            o.AddOperationTransformer<ApiExamples>();
        });
        return services;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").CacheOutput(PublicPageCache.Policy).ExcludeFromDescription();
        var api = app.MapGroup(Prefix)
            .AddEndpointFilter<ParameterProblems>()
            .AddEndpointFilter<ConditionalGet>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .CacheOutput(PublicPageCache.Policy);
        api.MapWorkshopsApi();
        api.MapAgendaApi();
        api.MapArchiveApi();
        api.MapInstallationsApi();
        api.MapNewsApi();
        api.MapProjectsApi();
        api.MapCallsApi();
        api.MapProposalsApi();
        api.MapAccountApi();
        api.MapRegistrationsApi();
        api.MapRegisterApi();
        api.MapAgendaWriteApi();
        api.MapMaterialsWriteApi();
        api.MapGrantsApi();
        return app;
    }

    /// <summary>Errors under /api are problem documents, never the site's HTML error page.</summary>
    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages(async context =>
        {
            // The title follows the status; a refusal for too many requests also says, as the page does, how long to wait.
            var http = context.HttpContext;
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = http.Response.StatusCode };
            if (problem.Status == StatusCodes.Status429TooManyRequests) (problem.Title, problem.Detail) = (Tr.T("Too many attempts"), RateLimiting.TooMany(http));
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem });
        }));
        return app;
    }
}
