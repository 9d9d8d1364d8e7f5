// The ribbon button only shows the task pane; the function file has nothing else to do.
void Office.onReady();
