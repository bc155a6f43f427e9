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
public sealed class TemplateRenderer(EmailRenderer layout)
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new();

    public RenderedEmail Render(string subject, string body, IReadOnlyDictionary<string, string> values, string siteName)
    {
        var renderedSubject = Fill(subject, values, "Subject").ReplaceLineEndings(" ").Trim();
        var text = Fill(body, values, "Body").Trim();
        return layout.Wrap(renderedSubject, MarkdownText.ToSafeHtml(text), text, siteName);
    }

    private static string Fill(string source, IReadOnlyDictionary<string, string> values, string field)
    {
        if (!Parser.TryParse(source, out var template, out var error))
            throw new DomainException($"The {field.ToLowerInvariant()} has a placeholder that does not parse: {error}", field);
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
        if (unknown.Count > 0)
            throw new DomainException(
                $"The {field.ToLowerInvariant()} uses {{{{ {unknown[0]} }}}}, which this email does not have. Use one of: {string.Join(", ", values.Keys.Select(k => "{{ " + k + " }}"))}.",
                field);
        return result;
    }
}
