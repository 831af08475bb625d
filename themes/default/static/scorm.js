/* Placeholder: the SCORM runtime bridge is being written. */
