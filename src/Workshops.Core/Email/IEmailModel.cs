namespace Workshops.Core.Email;

/// <summary>
/// A typed email. <see cref="Template"/> names Templates/{Template}.html and .txt (Liquid); every value
/// a model carries is HTML-escaped in the HTML part, so user content can never inject markup.
/// </summary>
public interface IEmailModel
{
    string Template { get; }
    string Subject { get; }
}

public sealed record RenderedEmail(string Subject, string Html, string Text)
{
    /// <summary>Replaces a stand-in left in a rendered email with plain text (encoded for the HTML part).</summary>
    public RenderedEmail Swap(string standIn, string plainText) => new(
        Subject.Replace(standIn, plainText, StringComparison.Ordinal),
        Html.Replace(standIn, System.Text.Encodings.Web.HtmlEncoder.Default.Encode(plainText), StringComparison.Ordinal),
        Text.Replace(standIn, plainText, StringComparison.Ordinal));
}
