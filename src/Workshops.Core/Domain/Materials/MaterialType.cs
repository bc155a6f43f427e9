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
        MaterialType.Slides => "Slides",
        MaterialType.Poster => "Poster",
        MaterialType.Paper => "Paper",
        MaterialType.Recording => "Recording",
        MaterialType.Dataset => "Dataset",
        MaterialType.Portal => "Portal",
        _ => "Other",
    };

    public static string Label(this MaterialVisibility visibility) => visibility switch
    {
        MaterialVisibility.Public => "Everyone",
        MaterialVisibility.Participants => "Participants of the workshop",
        _ => "Organisers only",
    };
}
