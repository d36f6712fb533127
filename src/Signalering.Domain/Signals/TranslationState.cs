namespace Signalering.Domain.Signals;

public enum TranslationState
{
    /// <summary>Written in Dutch, or no text: nothing to translate.</summary>
    NotNeeded,
    /// <summary>Waiting for its first translation attempt.</summary>
    Pending,
    /// <summary>Kept in the original language for now (no translator configured or it failed); retried later.</summary>
    Untranslated,
    Translated,
}
