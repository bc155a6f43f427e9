using System.Text;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Pdf;
using Workshops.Tests.Shared;

namespace Workshops.UnitTests.Domain.Packs;

public sealed class AttendeePackDocumentTests
{
    private static string Text(UglyToad.PdfPig.Content.Page page) => page.Text.Normalize(NormalizationForm.FormC);

    private static string Flat(string s) => s.Replace(" ", "");

    [Fact]
    public void The_cover_names_the_attendee_in_their_own_script_with_track_dates_place_and_check_in_code()
    {
        var content = PackSamples.Content();
        var attendee = PackSamples.Attendee(content);
        var bytes = AttendeePackDocument.Build(content, attendee);

        using var pdf = PdfDocument.Open(bytes);
        var cover = Flat(Text(pdf.GetPage(1)));
        Assert.Contains(Flat("Living Atlases Workshop 2027"), cover);
        Assert.Contains(Flat("Ἀλέξανδρος Παπαδόπουλος"), cover);
        Assert.Contains(Flat("Зоологический институт РАН, Россия"), cover);
        Assert.Contains(Flat("Track: Developers"), cover);
        Assert.Contains(Flat("Mon 8 – Wed 10 March 2027 · Real Jardín Botánico, Madrid, Spain"), cover);
        Assert.Contains("7KQ2M-9XPAB", cover);
    }

    [Fact]
    public void No_page_holds_only_a_small_remainder_of_the_page_before()
    {
        // Practical information of every length around a page's end: the sections after it follow on a page that
        // would otherwise hold only its last lines ("Emergency contacts" alone on page 2).
        for (var extra = 0; extra <= 14; extra++)
        {
            var info = PackSamples.PracticalInfo + string.Concat(Enumerable.Repeat("\n\nThe garden opens at nine; bring your badge and a jacket, as the glasshouses are cold in the morning.", extra));
            var content = PackSamples.Content() with { PracticalInfo = new(info) };
            using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content, PackSamples.Attendee(content)));
            var pages = pdf.GetPages().ToList();
            for (var i = 1; i < pages.Count - 1; i++)
                Assert.True(pages[i].Letters.Count > 300, $"With {extra} more paragraphs, page {i + 1} of {pages.Count} holds only {pages[i].Letters.Count} letters.");
        }
    }

    [Fact]
    public void Metadata_says_what_the_document_is_and_for_whom()
    {
        var content = PackSamples.Content();
        using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content, PackSamples.Attendee(content, "Zoë Lefèvre")));
        Assert.Equal("Living Atlases Workshop 2027: attendee pack", pdf.Information.Title);
        Assert.Equal("GBIF Workshops", pdf.Information.Author);
        Assert.Equal("Attendee pack of Zoë Lefèvre for Living Atlases Workshop 2027, Mon 8 – Wed 10 March 2027", pdf.Information.Subject);
    }

    [Fact]
    public void Every_page_after_the_cover_has_the_running_header_and_every_page_its_number()
    {
        var content = PackSamples.Content();
        using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content, PackSamples.Attendee(content, "Дмитрий Иванов")));
        var pages = pdf.GetPages().ToList();
        Assert.InRange(pages.Count, 4, 7);
        for (var i = 0; i < pages.Count; i++)
        {
            var text = Flat(Text(pages[i]));
            Assert.Contains(Flat($"page {i + 1} of {pages.Count}"), text);
            if (i > 0) Assert.Contains(Flat("Living Atlases Workshop 2027 · Дмитрий Иванов"), text);
        }
    }

    [Fact]
    public void The_agenda_gives_the_attendees_track_first_then_everything_with_starred_sessions_marked()
    {
        var content = PackSamples.Content();
        var attendee = PackSamples.Attendee(content, starred: 2);
        using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content, attendee));
        var pages = pdf.GetPages().Select(Text).Select(Flat).ToList();
        var all = string.Join("\n", pages);

        var yourTrack = all.IndexOf(Flat("Your track: Developers"), StringComparison.Ordinal);
        var full = all.IndexOf(Flat("Full programme"), StringComparison.Ordinal);
        Assert.True(yourTrack > 0 && full > yourTrack, "the attendee's track comes before the full programme");
        var managersOnly = content.Agenda.Items.First(i => i.TrackId is not null && i.TrackId != attendee.TrackId);
        Assert.DoesNotContain(Flat(managersOnly.Title) + "\n", all[yourTrack..full] + "\n");
        Assert.Contains(Flat("Monday 8 March 2027"), all);
        Assert.Contains(Flat("Wednesday 10 March 2027"), all);
        Assert.Contains(Flat("Europe/Madrid (UTC+01:00)"), all);
        // Stored in UTC, printed in Madrid's time: the first session starts at 09:00 there.
        Assert.Contains("09:00–09:30", all);
        Assert.Contains("AulaMagna", all);
        Assert.Contains(Flat("Γιώργος Νικολάου"), all);
        foreach (var id in attendee.Starred)
        {
            var title = Flat(content.Agenda.Item(id)!.Title);
            // Starred twice over: in the track's agenda and in the full programme.
            Assert.Equal(2, CountOf(all, title + AttendeePackDocument.StarredNote));
        }
        Assert.Equal(2 * attendee.Starred.Count, CountOf(all, AttendeePackDocument.StarredNote + "·"));
    }

    [Fact]
    public void Practical_information_keeps_its_headings_lists_and_links()
    {
        var content = PackSamples.Content();
        using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content, PackSamples.Attendee(content)));
        var page = pdf.GetPage(1);
        var text = Flat(Text(page));
        Assert.Contains("Venue", text);
        Assert.Contains(Flat("The workshop is at the Real Jardín Botánico"), text);
        Assert.Contains(Flat("• From the airport: Metro line 8"), text);
        Assert.Contains(Flat("1. Network: RJB-Guest"), text);
        Assert.Contains(Flat("Ελληνικά: καλώς ήρθατε. Русский: добро пожаловать."), text);
        var links = page.GetAnnotations().Where(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link).ToList();
        Assert.Equal(2, links.Count);
    }

    [Fact]
    public void Images_in_the_practical_information_come_from_the_sites_own_files_only()
    {
        using var bitmap = new SkiaSharp.SKBitmap(60, 40);
        bitmap.Erase(SkiaSharp.SKColors.SeaGreen);
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var map = png.ToArray();
        var content = PackSamples.Content() with
        {
            PracticalInfo = new("## Map\n\n![The venue](/materials/3f0e3a51-5a4b-4a34-9a53-2f1f3b1c9d10/file)\n\n![Elsewhere](https://example.org/tracker.png)"),
            Images = url => url.StartsWith("/materials/", StringComparison.Ordinal) ? map : null,
        };
        using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content, PackSamples.Attendee(content)));
        Assert.Single(pdf.GetPages().SelectMany(p => p.GetImages()));
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("The venue", text);
        // An image the site does not hold prints as its description; nothing is fetched from elsewhere.
        Assert.Contains("[Elsewhere]", text);
    }

    [Fact]
    public void Two_sessions_booked_in_one_room_at_once_are_both_printed()
    {
        var content = PackSamples.Content();
        var clash = content.Agenda.Items.First(i => i.TrackId is not null);
        var agenda = content.Agenda with { Items = [.. content.Agenda.Items, clash with { Id = Guid.NewGuid(), Title = "Double-booked workshop on georeferencing" }] };
        using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content with { Agenda = agenda }, PackSamples.Attendee(content)));
        var all = Flat(string.Join("\n", pdf.GetPages().Select(Text)));
        var programme = all[all.IndexOf("Fullprogramme", StringComparison.Ordinal)..];
        Assert.Contains(Flat(clash.Title), programme);
        Assert.Contains(Flat("Double-booked workshop on georeferencing"), programme);
    }

    [Fact]
    public void The_participant_list_has_only_who_is_given_by_country_and_institution()
    {
        var content = PackSamples.Content(participants: 50);
        using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content, PackSamples.Attendee(content)));
        var start = pdf.GetPages().First(p => Text(p).Contains("Participants")).Number;
        var text = Flat(string.Join("\n", pdf.GetPages().Where(p => p.Number >= start).Select(Text)));
        Assert.Contains(Flat("50 participants from 8 institutions in 8 countries"), text);
        foreach (var p in content.Participants) Assert.Contains(Flat(p.Name), text);
        // Sorted by country: Australia's people come before Spain's.
        Assert.True(text.IndexOf("Australia", StringComparison.Ordinal) < text.IndexOf("Spain", StringComparison.Ordinal));
    }

    [Fact]
    public void The_qr_code_reads_back_as_the_check_in_code()
    {
        var content = PackSamples.Content();
        var bytes = AttendeePackDocument.Build(content, PackSamples.Attendee(content));
        var codes = PdfImages.ReadQrCodes(PdfImages.RenderPage(bytes, 1));
        Assert.Equal(["7KQ2M-9XPAB"], codes);
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets_so_a_pack_stays_small()
    {
        var content = PackSamples.Content();
        var bytes = AttendeePackDocument.Build(content, PackSamples.Attendee(content));
        Assert.True(bytes.Length < 150 * 1024, $"the pack is {bytes.Length / 1024} KB");
        using var pdf = PdfDocument.Open(bytes);
        // Text is real text in embedded fonts: a reader finds words and their letters' shapes travel with the file.
        var letters = pdf.GetPage(1).Letters;
        Assert.NotEmpty(letters);
        Assert.All(letters, l => Assert.False(string.IsNullOrEmpty(l.FontName)));
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Letter_paper_is_a_setting()
    {
        var content = PackSamples.Content(paper: PaperSize.Letter);
        using var pdf = PdfDocument.Open(AttendeePackDocument.Build(content, PackSamples.Attendee(content)));
        Assert.Equal(612, pdf.GetPage(1).Width, 0.5);
        Assert.Equal(792, pdf.GetPage(1).Height, 0.5);
    }

    [Fact]
    public void Many_packs_built_at_once_each_read_back_with_their_own_name()
    {
        var content = PackSamples.Content();
        var names = Enumerable.Range(0, 24).Select(i => $"{PackSamples.Names[i % PackSamples.Names.Length]} {i}").ToList();
        var packs = new byte[names.Count][];
        Parallel.For(0, names.Count, i => packs[i] = AttendeePackDocument.Build(content, PackSamples.Attendee(content, names[i])));
        for (var i = 0; i < names.Count; i++)
        {
            using var pdf = PdfDocument.Open(packs[i]);
            Assert.Contains(Flat(names[i]), Flat(Text(pdf.GetPage(1))));
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
