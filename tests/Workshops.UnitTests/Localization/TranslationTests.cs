using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Core.Localization;
using Workshops.Core.Time;
using Workshops.Tests.Shared;

namespace Workshops.UnitTests.Localization;

/// <summary>Texts, dates, emails and PDFs in each of the site's languages.</summary>
public sealed class TranslationTests
{
    public static TheoryData<string> Languages() => ["es", "fr", "pt"];

    private static string In(string language, Func<string> write)
    {
        using var scope = Tr.Use(language);
        return write();
    }

    [Theory]
    [InlineData("en", "3 October 2027", "Sunday 3 October 2027, 09:30")]
    [InlineData("es", "3 de octubre de 2027", "domingo, 3 de octubre de 2027, 09:30")]
    [InlineData("fr", "3 octobre 2027", "dimanche 3 octobre 2027 à 09:30")]
    [InlineData("pt", "3 de outubro de 2027", "domingo, 3 de outubro de 2027, 09:30")]
    public void Dates_follow_the_reader_s_language(string language, string date, string longDateAndTime)
    {
        var at = new DateTime(2027, 10, 3, 9, 30, 0);
        Assert.Equal(date, In(language, () => Formats.Date(at)));
        Assert.Equal(longDateAndTime, In(language, () => Formats.LongDateAndTime(at)));
    }

    [Fact]
    public void Counts_take_each_language_s_singular()
    {
        string Seats(string language, int n) => In(language, () => Tr.N(n, "{0} seat left", "{0} seats left"));
        Assert.Equal("1 seat left", Seats("en", 1));
        Assert.Equal("0 seats left", Seats("en", 0));
        Assert.Equal("3 seats left", Seats("en", 3));
        // French and Portuguese say "0 place restante" / "0 vaga restante"; English and Spanish "0 seats" / "0 plazas".
        Assert.True(Tr.TakesOne(0, CultureInfo.GetCultureInfo("fr")));
        Assert.True(Tr.TakesOne(0, CultureInfo.GetCultureInfo("pt")));
        Assert.False(Tr.TakesOne(0, CultureInfo.GetCultureInfo("es")));
        Assert.True(Tr.TakesOne(1, CultureInfo.GetCultureInfo("es")));
        Assert.False(Tr.TakesOne(2, CultureInfo.GetCultureInfo("fr")));
    }

    [Fact]
    public void A_context_tells_two_translations_apart_and_is_never_shown()
    {
        Assert.Equal("cancelled", In("en", () => Tr.T("registration|cancelled")));
        var spanish = In("es", () => Tr.T("registration|cancelled"));
        Assert.DoesNotContain("|", spanish);
        Assert.NotEqual("cancelled", spanish);
        Assert.Equal("[!!cancelled!!]", In(Tr.PseudoLanguage, () => Tr.T("registration|cancelled")));
    }

    public static TheoryData<string, string> EveryEmail()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in EditableEmails.All)
        foreach (var language in new[] { "es", "fr", "pt" }) data.Add(e.Key, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryEmail))]
    public void Every_editable_email_has_its_built_in_wording_in_each_language(string key, string language)
    {
        var email = EditableEmails.Find(key)!;
        var renderer = new TemplateRenderer(new EmailRenderer());
        var english = In("en", () => renderer.Render(email.DefaultSubject, email.DefaultBody, email.Placeholders, "Workshops").Text);
        using var scope = Tr.Use(language);
        var rendered = renderer.Render(email.DefaultSubject, email.DefaultBody, email.Placeholders, "Workshops");
        Assert.NotEqual(english, rendered.Text);
        Assert.NotEqual(email.SubjectText, email.DefaultSubject);
        Assert.DoesNotContain("{", rendered.Text.Replace("{{", "", StringComparison.Ordinal));
        Assert.Contains($"lang=\"{language}\"", rendered.Html);
        // Our own translation is still ours: it is not sanitised as an organiser's wording would be.
        Assert.True(EditableEmails.IsBuiltIn(email.DefaultBody));
    }

    public static TheoryData<string> AccountEmails() => ["ConfirmAccount", "ResetPassword", "AccountExists", "ConfirmEmailChange", "EmailChanged"];

    [Theory]
    [MemberData(nameof(AccountEmails))]
    public void Account_emails_are_written_in_each_language(string template)
    {
        IEmailModel model = template switch
        {
            "ConfirmAccount" => new ConfirmAccountEmail("Ana", "https://example.org/c"),
            "ResetPassword" => new ResetPasswordEmail("Ana", "https://example.org/r"),
            "AccountExists" => new AccountExistsEmail("Ana", "https://example.org/s", "https://example.org/r"),
            "ConfirmEmailChange" => new ConfirmEmailChangeEmail("Ana", "ana@example.org", "https://example.org/c"),
            _ => new EmailChangedEmail("Ana", "ana@example.org"),
        };
        var renderer = new EmailRenderer();
        var english = In("en", () => renderer.Render(model, "Workshops").Text).Split('\n');
        foreach (var language in new[] { "es", "fr", "pt" })
        {
            using var scope = Tr.Use(language);
            var rendered = renderer.Render(model, "Workshops");
            Assert.NotEqual(In("en", () => model.Subject), rendered.Subject);
            // Every sentence is another language's: only links, names and blank lines read the same.
            var lines = rendered.Text.Split('\n');
            Assert.All(lines.Intersect(english).Where(l => l.Trim().Length > 0 && !l.Contains("example.org", StringComparison.Ordinal) && l.Trim() != "Workshops" && l.Trim() != "--"),
                l => Assert.Fail($"{template} in {language} still says “{l}”"));
            Assert.Contains($"<html lang=\"{language}\">", rendered.Html);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void An_attendee_s_pack_is_in_the_language_they_registered_in(string language)
    {
        var content = PackSamples.Content();
        var attendee = PackSamples.Attendee(content) with { Language = language };
        using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content, attendee));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Normalize(NormalizationForm.FormC).Replace(" ", "", StringComparison.Ordinal);
        foreach (var heading in new[] { "Attendee pack for", "Practical information", "Your track: {0}" })
        {
            var translated = In(language, () => Tr.T(heading, "Developers")).Replace(" ", "", StringComparison.Ordinal);
            Assert.NotEqual(heading.Replace("{0}", "Developers").Replace(" ", ""), translated);
            Assert.Contains(translated, text);
        }
        // The dates on the cover are the attendee's language's too.
        Assert.Contains(In(language, () => Formats.DateRange(content.Workshop.StartsLocal, content.Workshop.EndsLocal)).Replace(" ", ""), text);
    }

    [Theory]
    [InlineData("en", "es", "Spanish")]
    [InlineData("es", "en", "inglés")]
    [InlineData("fr", "pt", "portugais")]
    [InlineData("pt", "fr", "francês")]
    public void A_language_is_named_in_the_reader_s_language_inside_sentences_and_in_its_own_in_the_switcher(string reader, string code, string name)
    {
        Assert.Equal(name, In(reader, () => LanguageOptions.Name(code)));
        Assert.Equal("Español", In(reader, () => LanguageOptions.NativeName("es")));
    }

    [Fact]
    public void A_multilingual_text_gives_the_reader_s_language_or_its_own_and_keeps_its_order_in_its_column()
    {
        var title = LocalText.Of("es", [new("es", "Taller de São Paulo"), new("en", "São Paulo workshop"), new("fr", "  ")]);
        Assert.Equal(["es", "en"], title.Languages);
        Assert.Equal("São Paulo workshop", In("en", () => title.ToString()));
        Assert.Equal("Taller de São Paulo", In("pt", () => title.ToString()));
        Assert.True(In("pt", () => title.FallsBack.ToString()) == "True");
        Assert.False(In("en", () => title.FallsBack.ToString()) == "True");
        var json = title.ToJson();
        Assert.Equal("{\"es\":\"Taller de São Paulo\",\"en\":\"São Paulo workshop\"}", json);
        Assert.Equal(title, LocalText.Parse(json));
        // A row written before languages holds plain text: it reads as English.
        Assert.Equal("Madrid 2025", LocalText.Parse("Madrid 2025").Exactly("en"));
        Assert.Equal("{not json", LocalText.Parse("{not json").Default);
        Assert.Equal("{\"items\":[1,2]}", LocalText.Parse("{\"items\":[1,2]}").Default); // JSON that is not texts by language is one text
        Assert.Equal(["es"], title.With("en", " ").Languages);
    }
}
