using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Which language each request is read in: the visitor's choice (a cookie the switcher and sign-in write), else
/// the browser's Accept-Language, else the site's default. Addresses never carry the language, so a link shared
/// between two people opens in each one's own language.
/// </summary>
public static class Languages
{
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static IServiceCollection AddLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddLocalization();
        // Every localizer reads the one set of texts (Core's Text.*.resx), whatever type asks for it.
        services.AddSingleton<IStringLocalizerFactory, TextLocalizerFactory>();
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<LanguageOptions>>((o, languages) =>
        {
            var spoken = languages.Value.Codes.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(languages.Value.Default);
            o.SupportedCultures = spoken;
            // The pseudo-language translates texts only: dates and numbers keep the default language's formats.
            o.SupportedUICultures = languages.Value.Pseudo ? [.. spoken, new CultureInfo(Tr.PseudoLanguage)] : spoken;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.ApplyCurrentCultureToResponseHeaders = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure(o => TranslateBindingMessages(o.ModelBindingMessageProvider));
        return services;
    }

    /// <summary>Remembers a language for this browser for a year (the switcher, sign-in and the account page call it).</summary>
    public static void Remember(HttpResponse response, string code) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
        });

    // The model binder's own messages ("The value 'x' is not valid") are shown beside fields like any other.
    private static void TranslateBindingMessages(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => Tr.T("The value '{0}' is not valid for {1}.", value, field));
        m.SetMissingBindRequiredValueAccessor(field => Tr.T("A value for {0} was not given.", field));
        m.SetMissingKeyOrValueAccessor(() => Tr.T("A value is required."));
        m.SetMissingRequestBodyRequiredValueAccessor(() => Tr.T("The form arrived empty."));
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Tr.T("The value '{0}' is not valid.", value));
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => Tr.T("The value given is not valid."));
        m.SetUnknownValueIsInvalidAccessor(field => Tr.T("The value given is not valid for {0}.", field));
        m.SetValueIsInvalidAccessor(value => Tr.T("The value '{0}' is not valid.", value));
        m.SetValueMustBeANumberAccessor(field => Tr.T("{0} must be a number.", field));
        m.SetNonPropertyValueMustBeANumberAccessor(() => Tr.T("This must be a number."));
        m.SetValueMustNotBeNullAccessor(value => Tr.T("A value is required."));
    }
}

/// <summary>One localizer over the site's texts, for views (L), data annotations and anything that asks.</summary>
public sealed class TextLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] => new(name, Tr.T(name), resourceNotFound: false);

    public LocalizedString this[string name, params object[] arguments] => new(name, Tr.T(name, arguments), resourceNotFound: false);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Tr.All(CultureInfo.CurrentUICulture).Select(p => new LocalizedString(p.Key, p.Value, resourceNotFound: false));
}

public sealed class TextLocalizerFactory : IStringLocalizerFactory
{
    private static readonly TextLocalizer Localizer = new();
    public IStringLocalizer Create(Type resourceSource) => Localizer;
    public IStringLocalizer Create(string baseName, string location) => Localizer;
}
