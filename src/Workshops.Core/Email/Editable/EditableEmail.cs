using Workshops.Core.Localization;

namespace Workshops.Core.Email.Editable;

/// <summary>
/// One email organisers may reword: when it is sent, its built-in wording, and an example of its values. The
/// built-in texts are written in English and read in the current language (the recipient's, or the editor's).
/// </summary>
public abstract record EditableEmail(string Key, string NameText, string SentWhenText, string SubjectText, string BodyText)
{
    public const string SiteName = "site_name";

    public string Name => Tr.T(NameText);
    public string SentWhen => Tr.T(SentWhenText);
    public string DefaultSubject => Tr.T(SubjectText);
    public string DefaultBody => Tr.T(BodyText);

    /// <summary>What the editor's preview and placeholder list show.</summary>
    public abstract EmailValues ExampleValues { get; }

    /// <summary>Every placeholder the wording may use, with its example value.</summary>
    public IReadOnlyDictionary<string, string> Placeholders =>
        new Dictionary<string, string>(ExampleValues.ToDictionary()) { [SiteName] = "Workshops" };
}

/// <summary>An editable email whose placeholders are the properties of <typeparamref name="T"/>: it can only be sent with those.</summary>
public sealed record EditableEmail<T>(string Key, string NameText, string SentWhenText, string SubjectText, string BodyText, T Example)
    : EditableEmail(Key, NameText, SentWhenText, SubjectText, BodyText) where T : EmailValues
{
    public override EmailValues ExampleValues => Example;
}
