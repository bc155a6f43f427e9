using System.IO.Compression;
using System.Text;
using Workshops.Core.Storage;

namespace Workshops.UnitTests.Storage;

public sealed class FileKindsTests
{
    private static byte[] Zip()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            using (var entry = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) entry.Write("<Types/>");
        return memory.ToArray();
    }

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ", "slides.pdf", "PDF")]
    [InlineData("Ñandú notes\nline two\ttab", "notes.txt", "plain text")]
    [InlineData("name,country\nSiB,Colombia", "list.csv", "plain text")]
    public void Content_and_name_agree(string content, string name, string kind) =>
        Assert.Equal(kind, FileKinds.Detect(Encoding.UTF8.GetBytes(content), name)?.Name);

    [Fact]
    public void Images_are_told_by_their_signature()
    {
        Assert.Equal(FileKinds.Png, FileKinds.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "poster.PNG"));
        Assert.Equal(FileKinds.Jpeg, FileKinds.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "photo.jpeg"));
    }

    [Theory]
    [InlineData("talk.pptx", "PowerPoint")]
    [InlineData("paper.docx", "Word")]
    [InlineData("data.xlsx", "Excel")]
    [InlineData("talk.odp", "OpenDocument presentation")]
    [InlineData("bundle.zip", "ZIP archive")]
    public void A_zip_container_takes_its_kind_from_the_extension(string name, string kind) =>
        Assert.Equal(kind, FileKinds.Detect(Zip(), name)?.Name);

    [Theory]
    [InlineData("#!/bin/sh\nrm -rf /", "slides.pdf")]           // a script named like a PDF
    [InlineData("%PDF-1.7", "slides.exe")]                        // a PDF named like a program
    [InlineData("<?php system($_GET['c']);", "notes.php")]        // text, but not a kind we take
    [InlineData("MZ\u0090\u0000\u0003", "tool.txt")]              // a Windows program named like text
    public void Anything_else_is_refused(string content, string name) =>
        Assert.Null(FileKinds.Detect(Encoding.Latin1.GetBytes(content), name));

    [Fact]
    public void A_zip_with_an_unknown_extension_is_refused() => Assert.Null(FileKinds.Detect(Zip(), "thing.jar"));
}
