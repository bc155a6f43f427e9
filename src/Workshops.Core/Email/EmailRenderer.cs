using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Workshops.Core.Localization;

namespace Workshops.Core.Email;

public sealed class EmailRenderer
{
    // Built at the first email that needs them, not with the renderer: Fluid's parser is 1,500 types, and every job
    // that might queue an email (the outbox sweep at each start among them) asks for the renderer.
    private static readonly Lazy<FluidParser> Parser = new(() => new FluidParser());
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();
    private readonly Lazy<TemplateOptions> _options = new(Options);

    // Templates say {{ "Hello {0}," | t: DisplayName }}: the text in the current (the recipient's) language, with
    // its values filled in and encoded. t_html takes values that are already markup ({% capture %} of a link).
    private static TemplateOptions Options()
    {
        var options = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        options.Filters.AddFilter("t", (input, args, _) =>
            new StringValue(Tr.T(input.ToStringValue(), Arguments(args))));
        options.Filters.AddFilter("t_html", (input, args, _) =>
        {
            var encoded = HtmlEncoder.Default.Encode(Tr.T(input.ToStringValue()));
            return new StringValue(string.Format(System.Globalization.CultureInfo.CurrentCulture, encoded, Arguments(args)), encode: false);
        });
        return options;
    }

    private static object?[] Arguments(FilterArguments args) => [.. Enumerable.Range(0, args.Count).Select(i => (object?)args.At(i).ToStringValue())];

    public RenderedEmail Render(IEmailModel model, string siteName)
    {
        var context = new TemplateContext(model, _options.Value);
        context.SetValue("site_name", siteName);
        var body = Get(model.Template + ".html").Render(context, HtmlEncoder.Default);
        var text = Get(model.Template + ".txt").Render(context, NullEncoder.Default);
        return Wrap(model.Subject, body, text, siteName);
    }

    /// <summary>Puts an already rendered body into the site's email layout.</summary>
    public RenderedEmail Wrap(string subject, string htmlBody, string text, string siteName, string? reason = null)
    {
        var context = new TemplateContext(_options.Value);
        context.SetValue("site_name", siteName);
        context.SetValue("reason", reason ?? Tr.T("You receive this email because of your account on {0}.", siteName));
        context.SetValue("lang", Tr.Language);
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
        return Parser.Value.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Email template {n} does not parse: {error}");
    });
}
