package io.pcapoperator.plugin;

/** A command whose first argument is a PacketCapture's name, which shell completion offers. */
interface NamesACapture {}
