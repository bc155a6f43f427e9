using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Form fields are read in the invariant culture, whatever language the page is in: browsers post numbers ("12.5")
/// and dates ("2027-10-03T09:30") in one machine format, which a Spanish or French culture would misread ("125").
/// </summary>
public sealed class InvariantFormValues : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        if (!request.HasFormContentType) return;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // As the built-in factory does: a form too large or cut short is the client's error (400), not ours.
            throw new ValueProviderException(e.Message, e);
        }
        context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
    }

    public static void Use(IList<IValueProviderFactory> factories)
    {
        var builtIn = factories.OfType<FormValueProviderFactory>().FirstOrDefault();
        var at = builtIn is null ? 0 : factories.IndexOf(builtIn);
        if (builtIn is not null) factories.RemoveAt(at);
        factories.Insert(at, new InvariantFormValues());
    }
}
