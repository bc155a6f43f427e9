using System.Globalization;
using System.Reflection;

namespace Workshops.Web.Endpoints.Api;

/// <summary>
/// A query value the endpoint cannot read ("year=soon") is refused by the framework with an empty 400; this turns it
/// into a validation problem that names the parameter, as a form names its field.
/// </summary>
public sealed class ParameterProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status400BadRequest || result is not (null or EmptyHttpResult)) return result;
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, type) in QueryParameters(http))
        {
            var values = http.Request.Query.TryGetValue(name, out var q) ? q
                : http.Request.HasFormContentType && (await http.Request.ReadFormAsync()).TryGetValue(name, out var f) ? f : default;
            if (values.Count == 0 || values.ToString() is not { Length: > 0 } value) continue;
            if (!Readable(value, Nullable.GetUnderlyingType(type) ?? type)) errors[name] = [Tr.T("The value '{0}' is not valid for {1}.", value, name)];
        }
        if (errors.Count == 0)
            errors[""] = [http.Request.HasJsonContentType() ? Tr.T("The request's body could not be read: send JSON as the description shows.") : Tr.T("The request's parameters could not be read.")];
        return TypedResults.ValidationProblem(errors, title: Tr.T("Some values are not valid."));
    }

    private static IEnumerable<(string Name, Type Type)> QueryParameters(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } method) yield break;
        foreach (var p in method.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
                foreach (var property in p.ParameterType.GetProperties())
                    yield return (property.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name
                        ?? property.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromFormAttribute>()?.Name ?? property.Name, property.PropertyType);
            else if (p.Name is not null) yield return (p.Name, p.ParameterType);
        }
    }

    private static bool Readable(string value, Type type)
    {
        if (type.IsEnum) return Enum.TryParse(type, value, ignoreCase: false, out var parsed) && Enum.IsDefined(type, parsed!) && !char.IsDigit(value[0]);
        if (type == typeof(int)) return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        if (type == typeof(Guid)) return Guid.TryParse(value, out _);
        if (type == typeof(DateOnly)) return DateOnly.TryParse(value, CultureInfo.InvariantCulture, out _);
        return true;
    }
}
