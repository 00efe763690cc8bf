/// Naming of the fields that carry text extracted from HTML which shoppers cannot see.
public enum HiddenText {
    /// `description` → `description_hidden` (an array of strings, one per alt/title/hidden element/comment).
    public static let fieldSuffix = "_hidden"
}
