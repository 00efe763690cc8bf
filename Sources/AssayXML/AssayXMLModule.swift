/// Placeholder until the XML readers land.
enum AssayXMLModule {}
