using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;

namespace Workshops.Core.Email;

public sealed class EmailRenderer
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();
    private readonly TemplateOptions _options = new() { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };

    public RenderedEmail Render(IEmailModel model, string siteName)
    {
        var context = new TemplateContext(model, _options);
        context.SetValue("site_name", siteName);
        var body = Get(model.Template + ".html").Render(context, HtmlEncoder.Default);
        var text = Get(model.Template + ".txt").Render(context, NullEncoder.Default);
        return Wrap(model.Subject, body, text, siteName);
    }

    /// <summary>Puts an already rendered body into the site's email layout.</summary>
    public RenderedEmail Wrap(string subject, string htmlBody, string text, string siteName, string? reason = null)
    {
        var context = new TemplateContext(_options);
        context.SetValue("site_name", siteName);
        context.SetValue("reason", reason ?? $"You receive this email because of your account on {siteName}.");
        context.SetValue("body", htmlBody);
        context.SetValue("subject", subject);
        var html = Get("_layout.html").Render(context, HtmlEncoder.Default);
        // A reason given (an announcement's) is said in the text part too; the account's default needs no repeating.
        return new RenderedEmail(subject, html, text.Trim() + "\n\n-- \n" + siteName + "\n" + (reason is null ? "" : reason + "\n"));
    }

    private IFluidTemplate Get(string name) => _templates.GetOrAdd(name, static n =>
    {
        var resource = "Workshops.Core.Email.Templates." + n;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Email template {n} is missing.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Email template {n} does not parse: {error}");
    });
}
