using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Materials;

public enum MaterialType
{
    Slides,
    Poster,
    Paper,
    Recording,
    Dataset,
    Portal,
    Other,
}

/// <summary>Who may see and download a material.</summary>
public enum MaterialVisibility
{
    Public,
    /// <summary>The workshop's admitted participants and speakers (and its organisers).</summary>
    Participants,
    Organisers,
}

public static class MaterialLabels
{
    public static string Label(this MaterialType type) => type switch
    {
        MaterialType.Slides => Tr.T("Slides"),
        MaterialType.Poster => Tr.T("Poster"),
        MaterialType.Paper => Tr.T("Paper"),
        MaterialType.Recording => Tr.T("Recording"),
        MaterialType.Dataset => Tr.T("Dataset"),
        MaterialType.Portal => Tr.T("Portal"),
        _ => Tr.T("Other"),
    };

    public static string Label(this MaterialVisibility visibility) => visibility switch
    {
        MaterialVisibility.Public => Tr.T("Everyone"),
        MaterialVisibility.Participants => Tr.T("Participants of the workshop"),
        _ => Tr.T("Organisers only"),
    };
}
