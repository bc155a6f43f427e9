using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Workshops.Core.Storage;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Uploads may be as large as Storage:MaxUploadMegabytes (plus room for the form's other fields). A request that
/// says in advance it is larger is refused with 413 before a byte of it is read; one that does not say is cut off
/// by Kestrel at the same size, and the store checks the file itself while it streams.
/// </summary>
public static class UploadLimits
{
    private const long FormSlack = 1024 * 1024;

    public static IServiceCollection AddUploadLimits(this IServiceCollection services)
    {
        services.AddOptions<FormOptions>().Configure<IOptions<StorageOptions>>((form, storage) =>
            form.MultipartBodyLengthLimit = storage.Value.MaxUploadBytes + FormSlack);
        return services;
    }

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value.MaxUploadBytes + FormSlack;
            if (request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                // The error page is rendered for this same request: it must not try to read the refused form.
                (request.Body, request.ContentLength, request.ContentType) = (Stream.Null, 0, null);
                // The browser is still sending; closing after the answer spares reading the rest.
                context.Response.Headers.Connection = "close";
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        }
        await next(context);
    });
}
