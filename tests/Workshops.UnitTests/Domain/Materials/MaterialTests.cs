using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Materials;

namespace Workshops.UnitTests.Domain.Materials;

public sealed class MaterialTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static MaterialDetails Details(string? link = null) => new("Slides", MaterialType.Slides, " Ana ", MaterialVisibility.Public, link);

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\ana\\talk.pptx", "talk.pptx")]
    [InlineData("...pdf", "file.pdf")]
    [InlineData(".htaccess", "file.htaccess")]
    [InlineData("a\"b<c>d|e?.pdf", "a_b_c_d_e_.pdf")]
    [InlineData("tab\there.pdf", "tab_here.pdf")]
    [InlineData("", "file")]
    [InlineData("Présentation finale.pdf", "Présentation finale.pdf")]
    public void A_file_name_keeps_no_folders_or_dangerous_characters(string given, string kept) =>
        Assert.Equal(kept, SafeFileName.From(given));

    [Fact]
    public void A_long_name_is_cut_but_keeps_its_extension()
    {
        var name = SafeFileName.From(new string('x', 500) + ".pdf");
        Assert.Equal(SafeFileName.MaxLength, name.Length);
        Assert.EndsWith(".pdf", name);
    }

    [Fact]
    public void A_folder_name_has_no_separators_or_dots() =>
        Assert.Equal("CoopBioPlat - Madrid 2015 v2", SafeFileName.Folder("CoopBioPlat / Madrid 2015.v2"));

    [Fact]
    public void A_new_file_becomes_current_and_the_old_one_stays()
    {
        var m = Material.ForWorkshop(Guid.NewGuid(), null, Details(), "u1", Now);
        m.AttachFile(new string('a', 64), 10, "v1.pdf", "application/pdf", "u1", Now);
        m.AttachFile(new string('b', 64), 20, "../v2.pdf", "application/pdf", "u2", Now.AddDays(1));

        Assert.Equal((2, new string('b', 64), "v2.pdf", 20L), (m.FileVersion, m.FileHash, m.FileName, m.FileLength!.Value));
        Assert.Equal([1, 2], m.Files.Select(f => f.Number));
        Assert.Equal("Ana", m.Speakers);
    }

    [Fact]
    public void A_link_stays_a_link_and_a_file_stays_a_file()
    {
        var link = Material.ForWorkshop(Guid.NewGuid(), null, Details("https://example.org/video"), null, Now);
        Assert.Throws<DomainException>(() => link.AttachFile(new string('a', 64), 1, "a.pdf", "application/pdf", null, Now));
        Assert.Throws<DomainException>(() => link.Edit(Details(), Now));

        var file = Material.ForWorkshop(Guid.NewGuid(), null, Details(), null, Now);
        Assert.Throws<DomainException>(() => file.Edit(Details("https://example.org"), Now));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("example.org")]
    [InlineData("https://")]
    public void Only_web_addresses_are_links(string link) =>
        Assert.Throws<DomainException>(() => Material.ForWorkshop(Guid.NewGuid(), null, Details(link), null, Now));
}
