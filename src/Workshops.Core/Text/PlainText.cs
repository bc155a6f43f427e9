using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Workshops.Core.Text;

/// <summary>Walks Markdown's blocks and writes each as readable plain text (see <see cref="MarkdownText.ToPlainText"/>).</summary>
internal static class PlainText
{
    public static IEnumerable<string> Blocks(ContainerBlock container)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{number++}. " : "– ";
                        yield return marker + string.Join(" ", Blocks(item));
                    }
                    break;
                case QuoteBlock quote:
                    foreach (var line in Blocks(quote)) yield return "“" + line + "”";
                    break;
                case ContainerBlock inner:
                    foreach (var line in Blocks(inner)) yield return line;
                    break;
                case LeafBlock { Inline: { } inline }:
                    yield return Inlines(inline).Trim();
                    break;
                case CodeBlock code:
                    yield return code.Lines.ToString().TrimEnd();
                    break;
                case ThematicBreakBlock:
                    yield return "—";
                    break;
            }
        }
    }

    private static string Inlines(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline auto:
                    text.Append(auto.Url);
                    break;
                case LinkInline { IsImage: false } link:
                    var label = Inlines(link);
                    text.Append(label);
                    if (!string.IsNullOrEmpty(link.Url) && link.Url != label && !link.IsAutoLink) text.Append(" (").Append(link.Url).Append(')');
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline inner:
                    text.Append(Inlines(inner));
                    break;
            }
        }
        return text.ToString();
    }
}
