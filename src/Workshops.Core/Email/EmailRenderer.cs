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
        context.SetValue("body", body);
        context.SetValue("subject", model.Subject);
        var html = Get("_layout.html").Render(context, HtmlEncoder.Default);
        var text = Get(model.Template + ".txt").Render(context, NullEncoder.Default);
        return new RenderedEmail(model.Subject, html, text.Trim() + "\n\n-- \n" + siteName + "\n");
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
