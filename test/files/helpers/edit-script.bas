REM Runs an edit script: one command per line, fields separated by tabs.
Sub RunScript(scriptPath As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = "Hidden"
  hidden(0).Value = True
  Dim saveArgs(0) As New com.sun.star.beans.PropertyValue
  saveArgs(0).Name = "FilterName"
  saveArgs(0).Value = "Calc MS Excel 2007 XML"
  Dim doc As Object, sheet As Object
  files = createUnoService("com.sun.star.ucb.SimpleFileAccess")
  stream = createUnoService("com.sun.star.io.TextInputStream")
  stream.setInputStream(files.openFileRead(ConvertToURL(scriptPath)))
  stream.setEncoding("UTF-8")
  Do While Not stream.isEOF()
    fields = Split(stream.readLine(), Chr(9))
    Select Case fields(0)
      Case "open"
        doc = StarDesktop.loadComponentFromURL(ConvertToURL(fields(1)), "_blank", 0, hidden())
        sheet = doc.Sheets.getByIndex(0)
      Case "insert"
        sheet.Rows.insertByIndex(CLng(fields(1)), CLng(fields(2)))
      Case "text"
        sheet.getCellByPosition(CLng(fields(2)), CLng(fields(1))).setString(fields(3))
      Case "number"
        sheet.getCellByPosition(CLng(fields(2)), CLng(fields(1))).setValue(Val(fields(3)))
      Case "save"
        doc.storeToURL(ConvertToURL(fields(1)), saveArgs())
      Case "close"
        doc.close(True)
      Case "quit"
        StarDesktop.terminate()
    End Select
  Loop
  stream.closeInput()
End Sub
