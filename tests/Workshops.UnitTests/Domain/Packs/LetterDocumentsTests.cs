using System.Text;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Packs;
using Workshops.Tests.Shared;

namespace Workshops.UnitTests.Domain.Packs;

public sealed class LetterDocumentsTests
{
    private static (PackContent Content, Registration Registration) Sample(string? nationality = "Ghanaian")
    {
        var content = PackSamples.Content() with
        {
            Letterhead = new("GBIF Spain\nReal Jardín Botánico, Plaza de Murillo 2, Madrid\nworkshop@gbif.es"),
            Signatory = new("Katia Cezón, head of GBIF Spain"),
        };
        var w = content.Workshop;
        var setup = new ARegistrationSetup { Opens = DateTime.UtcNow.AddDays(-1), Closes = DateTime.UtcNow.AddDays(10), Mode = RegistrationMode.FirstCome }.For(w);
        var r = Registration.Submit(setup, w, "user-1",
            new ARegistration { Name = "Kofi Mensah", Email = "kofi@example.org", Institution = "GBIF Ghana", Country = "Ghana", WantsLetter = nationality is not null, PassportNationality = nationality }.Details(w),
            new Dictionary<Guid, IReadOnlyList<string>>(), DateTimeOffset.UtcNow);
        r.MoveTo(RegistrationStatus.Admitted, null, DateTimeOffset.UtcNow);
        return (content, r);
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        return document.GetPage(1).Text.Normalize(NormalizationForm.FormC).Replace(" ", "");
    }

    [Fact]
    public void The_invitation_names_the_participant_their_nationality_the_dates_place_and_purpose_on_the_letterhead()
    {
        var (content, r) = Sample();
        var pdf = LetterDocuments.Invitation(content, r, "Developers");
        var text = Text(pdf);
        Assert.Contains("GBIFSpain", text);
        Assert.Contains("Invitationletter", text);
        Assert.Contains("KofiMensah(nationality:Ghanaian),ofGBIFGhana,Ghana", text);
        Assert.Contains("from8March2027to10March2027", text);
        Assert.Contains("RealJardínBotánico", text);
        Assert.Contains("intheDeveloperstrack", text);
        Assert.Contains("Thepurposeofthevisit", text);
        Assert.Contains("KatiaCezón,headofGBIFSpain", text);
        Assert.Contains(LetterDocuments.Reference(r.Id), text);
        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Living Atlases Workshop 2027: invitation letter", document.Information.Title);
        Assert.Contains("Kofi Mensah", document.Information.Subject);
    }

    [Fact]
    public void Without_a_nationality_the_invitation_says_so()
    {
        // Registrations from before the nationality was required with a letter have none.
        var (content, r) = Sample(nationality: null);
        var text = Text(LetterDocuments.Invitation(content, r, null));
        Assert.DoesNotContain("nationality:", text);
        Assert.Contains("didnotgivetheirnationality", text);
    }

    [Fact]
    public void The_certificate_says_who_attended_what_where_and_when()
    {
        var (content, r) = Sample();
        r.MoveTo(RegistrationStatus.CheckedIn, null, content.Workshop.StartsAt.AddMinutes(30));
        var pdf = LetterDocuments.Certificate(content, r, "Developers");
        var text = Text(pdf);
        Assert.Contains("Certificateofattendance", text);
        Assert.Contains("KofiMensah", text);
        Assert.Contains("attendedLivingAtlasesWorkshop2027", text);
        Assert.Contains("from8March2027to10March2027,intheDeveloperstrack", text);
        Assert.Contains("Checkedinon8March2027", text);
        Assert.Contains("KatiaCezón", text);
        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Living Atlases Workshop 2027: certificate of attendance", document.Information.Title);
    }
}
