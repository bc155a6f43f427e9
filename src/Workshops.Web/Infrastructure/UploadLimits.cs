using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Storage;

namespace Workshops.Web.Infrastructure;

/// <summary>Marks a page whose forms carry files: only there may a request body be as large as Storage:MaxUploadMegabytes.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LargeUploadAttribute : Attribute;

/// <summary>
/// Every request body is held to Site:MaxRequestKilobytes, except on the pages marked <see cref="LargeUploadAttribute"/>,
/// which get Storage:MaxUploadMegabytes once authorization has let the request through: a stranger cannot make the
/// site read 200 MB sent to the sign-in form. A request that says in advance it is larger is refused with 413
/// before a byte of it is read; one that does not say is cut off by Kestrel at the same size, and the store checks
/// the file itself while it streams.
/// </summary>
public static class UploadLimits
{
    private const long FormSlack = 1024 * 1024;

    public static IServiceCollection AddUploadLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<SiteOptions>>((kestrel, site) =>
            kestrel.Limits.MaxRequestBodySize = site.Value.MaxRequestBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<SiteOptions>>((form, site) =>
            form.MultipartBodyLengthLimit = site.Value.MaxRequestBytes);
        return services;
    }

    /// <summary>After authorization: the endpoint and the person are known, and nothing has read the body yet.</summary>
    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var upload = context.GetEndpoint()?.Metadata.GetMetadata<LargeUploadAttribute>() is not null
            && HttpMethods.IsPost(request.Method) && request.HasFormContentType;
        var limit = upload
            ? context.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value.MaxUploadBytes + FormSlack
            : context.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            // The error page is rendered for this same request: it must not try to read the refused body.
            (request.Body, request.ContentLength, request.ContentType) = (Stream.Null, 0, null);
            // The sender is still sending; closing after the answer spares reading the rest.
            context.Response.Headers.Connection = "close";
            return;
        }
        if (upload)
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
        await next(context);
    });
}
