namespace Workshops.Core.Email.Editable;

/// <summary>One email organisers may reword: when it is sent, its built-in wording, and an example of its values.</summary>
public abstract record EditableEmail(string Key, string Name, string SentWhen, string DefaultSubject, string DefaultBody)
{
    public const string SiteName = "site_name";

    /// <summary>What the editor's preview and placeholder list show.</summary>
    public abstract EmailValues ExampleValues { get; }

    /// <summary>Every placeholder the wording may use, with its example value.</summary>
    public IReadOnlyDictionary<string, string> Placeholders =>
        new Dictionary<string, string>(ExampleValues.ToDictionary()) { [SiteName] = "Workshops" };
}

/// <summary>An editable email whose placeholders are the properties of <typeparamref name="T"/>: it can only be sent with those.</summary>
public sealed record EditableEmail<T>(string Key, string Name, string SentWhen, string DefaultSubject, string DefaultBody, T Example)
    : EditableEmail(Key, Name, SentWhen, DefaultSubject, DefaultBody) where T : EmailValues
{
    public override EmailValues ExampleValues => Example;
}
