using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Workshops.Core.Domain.Common;
using Workshops.Core.Text;

namespace Workshops.Core.Email.Editable;

/// <summary>
/// Renders an organiser's wording: Liquid placeholders filled with plain values, then the Markdown body becomes the
/// sanitised HTML part and stays as it is for the text part. Unknown placeholders are refused, not left blank.
/// </summary>
public sealed partial class TemplateRenderer(EmailRenderer layout)
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new();

    // A wording is parsed once, not three times per email (subject, text, HTML). Parsed templates are immutable and
    // safe to share. Bounded, because previews while an organiser types parse every draft.
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new();
    private const int MaxParsed = 256;

    /// <param name="sanitize">
    /// False only for our own built-in wording: its Markdown is ours, the values in it are escaped and its links are
    /// made by the site, and Markdown's raw HTML is off, so checking its links would change nothing. An organiser's
    /// wording is always checked.
    /// </param>
    /// <param name="footer">The site's own closing lines (an unsubscribe link), rendered apart so nothing in the body can swallow them.</param>
    /// <param name="reason">The line at the foot of the layout saying why the email came; by default, the person's account.</param>
    public RenderedEmail Render(string subject, string body, IReadOnlyDictionary<string, string> values, string siteName, bool sanitize = true,
        string? footer = null, string? reason = null)
    {
        var (renderedSubject, html, text) = RenderFragment(subject, body, values, sanitize);
        if (footer is not null)
        {
            text += "\n\n" + MarkdownText.ToPlainText(Fill(footer, Escaped(values), "Footer"));
            html += MarkdownText.ToHtml(Fill(footer, Escaped(values), "Footer"));
        }
        return layout.Wrap(renderedSubject, html, text, siteName, reason);
    }

    /// <summary>The wording alone, as a fragment of HTML and its text: no email layout around it (a news page shows it in its own).</summary>
    public RenderedEmail RenderFragment(string subject, string body, IReadOnlyDictionary<string, string> values, bool sanitize = true)
    {
        var renderedSubject = Fill(subject, values, "Subject").ReplaceLineEndings(" ").Trim();
        // Values people typed (a title, a name) go into the HTML part as plain text, never as Markdown: a proposal
        // titled "[Confirm here](https://…)" must not become a link in an email the site sends to someone else.
        var markdown = Fill(body, Escaped(values), "Body").Trim();
        // The text part reads as plain text too: no **stars** or [brackets](…), links written out after their words.
        var text = MarkdownText.ToPlainText(markdown);
        return new RenderedEmail(renderedSubject, sanitize ? MarkdownText.ToSafeHtml(markdown, headingsFrom: 1) : MarkdownText.ToHtml(markdown), text);
    }

    private static Dictionary<string, string> Escaped(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => IsLink(v.Key) ? v.Value : EscapeMarkdown(v.Value));

    /// <summary>Links are made by the site, and must stay links.</summary>
    private static bool IsLink(string key) => key.EndsWith("_link", StringComparison.Ordinal) || key.EndsWith("_url", StringComparison.Ordinal);

    /// <summary>"{first_name}" is the short way to write "{{ first_name }}": organisers write either.</summary>
    public static string Expand(string source) => ShortPlaceholder().Replace(source, "{{ $1 }}");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\{)\{([a-z_][a-z0-9_]*)\}(?!\})")]
    private static partial System.Text.RegularExpressions.Regex ShortPlaceholder();

    /// <summary>
    /// Most wordings use placeholders alone, "{{ first_name }}", which need no Liquid engine: filled here, they read
    /// exactly as Fluid would write them. Anything else (a filter, a tag, whitespace control) goes to Fluid, whose
    /// parser is only loaded then: it is thousands of types, and the home page's news would otherwise load it.
    /// </summary>
    private static string? PlainOnly(string source, IReadOnlyDictionary<string, string> values, string field)
    {
        var text = source.AsSpan();
        var opened = text.Count("{{");
        if (text.Contains("{%", StringComparison.Ordinal) || text.Count("}}") != opened || PlainPlaceholder().Count(source) != opened) return null;
        return PlainPlaceholder().Replace(source, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : throw Unknown(m.Groups[1].Value, values, field));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{ *([a-z_][a-z0-9_]*) *\}\}")]
    private static partial System.Text.RegularExpressions.Regex PlainPlaceholder();

    /// <summary>Backslash before every ASCII punctuation mark, which CommonMark then shows as itself.</summary>
    private static string EscapeMarkdown(string value)
    {
        var escaped = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c))) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string Fill(string source, IReadOnlyDictionary<string, string> values, string field)
    {
        source = Expand(source);
        if (PlainOnly(source, values, field) is { } plain) return plain;
        if (!Parsed.TryGetValue(source, out var template))
        {
            if (!Parser.TryParse(source, out template, out var error))
                throw new DomainException($"The {field.ToLowerInvariant()} has a placeholder that does not parse: {error}", field);
            // Full of drafts from previews: start again, and the wordings in use come back on their next email.
            if (Parsed.Count >= MaxParsed) Parsed.Clear();
            Parsed.TryAdd(source, template);
        }
        var unknown = new List<string>();
        var context = new TemplateContext(Options)
        {
            Undefined = name =>
            {
                unknown.Add(name);
                return ValueTask.FromResult<FluidValue>(NilValue.Instance);
            },
        };
        foreach (var (key, value) in values) context.SetValue(key, value);
        var result = template.Render(context, NullEncoder.Default);
        if (unknown.Count > 0) throw Unknown(unknown[0], values, field);
        return result;
    }

    private static DomainException Unknown(string name, IReadOnlyDictionary<string, string> values, string field) => new(
        $"The {field.ToLowerInvariant()} uses {{{name}}}, which this email does not have. Use one of: {string.Join(", ", values.Keys.Select(k => "{" + k + "}"))}.",
        field);
}
