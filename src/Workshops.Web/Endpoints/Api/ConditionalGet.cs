using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Workshops.Web.Endpoints.Api;

/// <summary>An answer that says when it last changed, for Last-Modified.</summary>
public interface IChanged
{
    [System.Text.Json.Serialization.JsonIgnore] DateTimeOffset Changed { get; }
}

/// <summary>
/// An answer kept in memory and handed out again as the same object (a published agenda version): its bytes and
/// ETag are worked out once, not for every reader.
/// </summary>
public interface IKeptAnswer;

/// <summary>
/// Every successful read carries an ETag (a hash of the bytes sent) and, where the data says when it changed,
/// Last-Modified; a client that sends them back gets 304 with no body. The output cache answers the same
/// questions from its copy, so a cached answer and a fresh one behave alike.
/// </summary>
public sealed class ConditionalGet : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is INestedHttpResult nested) result = nested.Result;
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || result is not IValueHttpResult { Value: { } value }
            || result is IStatusCodeHttpResult { StatusCode: not (null or 200) }) return result;

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var (bytes, etag) = value is IKeptAnswer ? Kept.GetValue(value, v => Serialize(v, options)) : Serialize(value, options);
        var changed = Changed(value);
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        if (changed is { } c) headers.LastModified = Truncate(c);
        http.Response.Headers.Vary = "Accept-Language";
        return NotModified(http.Request.GetTypedHeaders(), etag, changed) ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(bytes, "application/json; charset=utf-8");
    }

    // Weak: an answer dropped from the memory cache takes its bytes with it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Serialized> Kept = new();

    private sealed record Serialized(byte[] Bytes, EntityTagHeaderValue ETag)
    {
        public void Deconstruct(out byte[] bytes, out EntityTagHeaderValue etag) => (bytes, etag) = (Bytes, ETag);
    }

    private static Serialized Serialize(object value, JsonSerializerOptions options)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
        return new Serialized(bytes, new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\""));
    }

    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? changed)
    {
        // If-None-Match wins when both are sent (RFC 9110, 13.2.2).
        if (request.IfNoneMatch is { Count: > 0 } tags) return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        return request.IfModifiedSince is { } since && changed is { } c && Truncate(c) <= since;
    }

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static DateTimeOffset? Changed(object value) => value switch
    {
        IChanged one => one.Changed,
        IPage page => page.Changed,
        _ => null,
    };
}
