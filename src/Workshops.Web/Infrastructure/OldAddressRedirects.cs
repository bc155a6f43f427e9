using Workshops.Core.Domain.Community;

namespace Workshops.Web.Infrastructure;

public static class OldAddressRedirects
{
    /// <summary>Before routing: an old address never reaches a page of this site that happens to share its path.</summary>
    public static IApplicationBuilder UseOldAddressRedirects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.HasValue
            && await context.RequestServices.GetRequiredService<OldAddresses>().TargetAsync(request.Path.Value!) is { } target
            && !string.Equals(target, request.Path.Value, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = target;
            return;
        }
        await next();
    });
}
