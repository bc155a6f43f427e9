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

public sealed record RenderedEmail(string Subject, string Html, string Text);
